package bench

// TwitterArchive is the value of the streaming benchmark: many pages of
// search results. The benchmark fills Pages with one decoded page repeated,
// so the value is small in memory while its JSON text is about 200 MB. A page
// shared by many slots is not a cycle, neither for Python (check_circular
// only follows the current path) nor for jsondump. Its methods are generated
// by the go:generate line in twitter.go, with Twitter's.
type TwitterArchive struct {
	Pages []*Twitter `json:"pages"`
}
