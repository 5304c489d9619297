// Package oddname lives in a directory of another name.
package oddname

type Odd struct {
	N    int               `json:"n"`
	Self *Odd              `json:"self,omitempty"`
	M    map[string][2]Odd `json:"m,omitempty"`
}
