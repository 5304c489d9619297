package rt

// Constructors for values with fields of unexported types.

// NewEmb7 builds an Emb7; inner2 is nil when q is "".
func NewEmb7(p, hidden int, q string) *Emb7 {
	v := &Emb7{inner: inner{P: p, q: hidden}}
	if q != "" {
		v.inner2 = &inner2{Q: q}
	}
	return v
}

// NewEmb8 builds an Emb8.
func NewEmb8(i int, s string, f *MyFloat) *Emb8 {
	return &Emb8{MyInt: MyInt(i), myStr: myStr(s), MyFloat: f}
}

// NewEmb9 builds an Emb9 with both interfaces set to s.
func NewEmb9(s Sayer, n int) *Emb9 { return &Emb9{Sayer: s, sayer: s, N: n} }
