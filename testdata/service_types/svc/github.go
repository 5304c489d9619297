// Package svc holds realistic service types: a GitHub-like webhook payload,
// Kubernetes-like objects, a payments API, an event log and a config file.
package svc

import "time"

// User is a GitHub account as webhooks send it.
type User struct {
	Login     string  `json:"login"`
	ID        int64   `json:"id"`
	NodeID    string  `json:"node_id"`
	AvatarURL string  `json:"avatar_url"`
	HTMLURL   string  `json:"html_url"`
	Type      string  `json:"type"`
	SiteAdmin bool    `json:"site_admin"`
	Name      *string `json:"name,omitempty"`
	Email     *string `json:"email"`
}

// Label is an issue label.
type Label struct {
	ID          int64   `json:"id"`
	NodeID      string  `json:"node_id"`
	URL         string  `json:"url"`
	Name        string  `json:"name"`
	Color       string  `json:"color"`
	Default     bool    `json:"default"`
	Description *string `json:"description"`
}

// License is a repository license.
type License struct {
	Key    string  `json:"key"`
	Name   string  `json:"name"`
	SPDXID string  `json:"spdx_id"`
	URL    *string `json:"url"`
}

// Repository is a repository as webhooks send it.
type Repository struct {
	ID              int64          `json:"id"`
	NodeID          string         `json:"node_id"`
	Name            string         `json:"name"`
	FullName        string         `json:"full_name"`
	Private         bool           `json:"private"`
	Owner           User           `json:"owner"`
	Description     *string        `json:"description"`
	Fork            bool           `json:"fork"`
	CreatedAt       time.Time      `json:"created_at"`
	UpdatedAt       time.Time      `json:"updated_at"`
	PushedAt        *time.Time     `json:"pushed_at"`
	Homepage        *string        `json:"homepage"`
	Size            int            `json:"size"`
	StargazersCount int            `json:"stargazers_count"`
	Language        *string        `json:"language"`
	HasIssues       bool           `json:"has_issues"`
	Archived        bool           `json:"archived"`
	License         *License       `json:"license"`
	Topics          []string       `json:"topics"`
	Visibility      string         `json:"visibility"`
	DefaultBranch   string         `json:"default_branch"`
	CustomProps     map[string]any `json:"custom_properties"`
}

// Milestone is an issue milestone.
type Milestone struct {
	Number     int        `json:"number"`
	Title      string     `json:"title"`
	Creator    *User      `json:"creator"`
	OpenIssues int        `json:"open_issues"`
	State      string     `json:"state"`
	DueOn      *time.Time `json:"due_on"`
	ClosedAt   *time.Time `json:"closed_at,omitempty"`
}

// Reactions counts reactions; "+1" and "-1" are real GitHub keys.
type Reactions struct {
	URL        string `json:"url"`
	TotalCount int    `json:"total_count"`
	PlusOne    int    `json:"+1"`
	MinusOne   int    `json:"-1"`
	Laugh      int    `json:"laugh"`
	Hooray     int    `json:"hooray"`
	Confused   int    `json:"confused"`
	Heart      int    `json:"heart"`
	Rocket     int    `json:"rocket"`
	Eyes       int    `json:"eyes"`
}

// Issue is an issue.
type Issue struct {
	URL               string     `json:"url"`
	ID                int64      `json:"id"`
	Number            int        `json:"number"`
	Title             string     `json:"title"`
	User              User       `json:"user"`
	Labels            []Label    `json:"labels"`
	State             string     `json:"state"`
	Locked            bool       `json:"locked"`
	Assignee          *User      `json:"assignee"`
	Assignees         []*User    `json:"assignees"`
	Milestone         *Milestone `json:"milestone"`
	Comments          int        `json:"comments"`
	CreatedAt         time.Time  `json:"created_at"`
	UpdatedAt         time.Time  `json:"updated_at"`
	ClosedAt          *time.Time `json:"closed_at"`
	AuthorAssociation string     `json:"author_association"`
	ActiveLockReason  *string    `json:"active_lock_reason"`
	Body              *string    `json:"body"`
	Reactions         Reactions  `json:"reactions"`
	PerformedViaApp   any        `json:"performed_via_github_app"`
	StateReason       *string    `json:"state_reason"`
}

// Installation is the app installation.
type Installation struct {
	ID     int64  `json:"id"`
	NodeID string `json:"node_id"`
}

// IssuesEvent is the "issues" webhook payload.
type IssuesEvent struct {
	Action       string         `json:"action"`
	Issue        Issue          `json:"issue"`
	Changes      map[string]any `json:"changes,omitempty"`
	Label        *Label         `json:"label,omitempty"`
	Repository   Repository     `json:"repository"`
	Sender       User           `json:"sender"`
	Installation *Installation  `json:"installation,omitempty"`
	Raw          []byte         `json:"-"`
	deliveryID   string
}

// SetDelivery keeps the unexported field used.
func (e *IssuesEvent) SetDelivery(id string) { e.deliveryID = id }
