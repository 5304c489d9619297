//go:build special

package tagged

type Special struct {
	A Always `json:"a"`
	S string `json:"s"`
}
