package r3

// NewEmbAliases sets the fields of the unexported embedded alias.
func NewEmbAliases(n int, a int, b string, c int) *EmbAliases {
	return &EmbAliases{AliasInt: n, aliasLower: aliasLower{A: a, B: b}, aliasInt: 99, C: c}
}

// EmbG embeds a local generic instantiated with its own type parameter.
type EmbG[T any] struct {
	LList[T]
	Extra T `json:"extra"`
}

// UsesEmbG uses EmbG with a local named type and a predeclared one.
type UsesEmbG struct {
	K EmbG[Key]
	S EmbG[string]
	P *EmbG[Lvl]
}
