// Package recursive holds a type that reaches itself.
package recursive

// Node is a tree node.
type Node struct {
	Value    int              `json:"value"`
	Next     *Node            `json:"next"`
	Children []*Node          `json:"children"`
	Attrs    map[string]*Node `json:"attrs,omitempty"`
	Extra    any              `json:"extra,omitempty"`
}
