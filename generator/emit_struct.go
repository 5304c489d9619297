package generator

import "github.com/dave/jennifer/jen"

// emitStruct writes one JSON object for a struct value, v being a pointer
// to it; the field order follows SortKeys when it differs:
//
//	if e.BeginObject() {
//		if e.Config().SortKeys { <fields by name> } else { <fields> }
//		e.EndObject()
//	}
//
// each field being
//
//	if <v>.Base != nil {                      // promoted through a pointer
//		if <not empty> && <not zero> { e.Key(<KeyASCII>, <KeyUTF8>); <value of F> }
//	}
func emitStruct(g *jen.Group, v *Value, x func() *jen.Statement, depth int) {
	g.If(jen.Id("e").Dot("BeginObject").Call()).BlockFunc(func(b *jen.Group) {
		if v.Sorted != nil {
			b.If(jen.Id("e").Dot("Config").Call().Dot("SortKeys")).BlockFunc(func(s *jen.Group) {
				emitFields(s, v.Sorted, x, depth)
			}).Else().BlockFunc(func(s *jen.Group) {
				emitFields(s, v.Fields, x, depth)
			})
		} else {
			emitFields(b, v.Fields, x, depth)
		}
		b.Id("e").Dot("EndObject").Call()
	})
}

func emitFields(g *jen.Group, fields []*Field, x func() *jen.Statement, depth int) {
	for _, f := range fields {
		emitField(g, f, x, depth)
	}
}

func emitField(g *jen.Group, f *Field, x func() *jen.Statement, depth int) {
	sel := func(n int) func() *jen.Statement {
		return func() *jen.Statement {
			s := x()
			for _, st := range f.Path[:n] {
				s = s.Dot(st.Name)
			}
			return s
		}
	}
	fx := sel(len(f.Path))
	var conds []*jen.Statement
	for i, st := range f.Path[:len(f.Path)-1] {
		if st.Ptr {
			conds = append(conds, sel(i+1)().Op("!=").Nil())
		}
	}
	if f.HasEmpty {
		switch f.OmitEmpty {
		case EmptyLen:
			conds = append(conds, jen.Len(fx()).Op("!=").Lit(0))
		case EmptyFalse:
			conds = append(conds, fx())
		case EmptyZero:
			conds = append(conds, fx().Op("!=").Lit(0))
		case EmptyNil:
			conds = append(conds, fx().Op("!=").Nil())
		}
	}
	switch f.OmitZero {
	case ZeroMethod:
		conds = append(conds, jen.Op("!").Add(fx()).Dot("IsZero").Call())
	case ZeroNilOrMethod:
		conds = append(conds, fx().Op("!=").Nil(), jen.Op("!").Add(fx()).Dot("IsZero").Call())
	case ZeroCompare:
		conds = append(conds, jen.Op("!").Add(rt("IsZero")).Call(fx()))
	case ZeroNil:
		conds = append(conds, fx().Op("!=").Nil())
	case ZeroFloat:
		conds = append(conds, jen.Qual(mathPath, "Float64bits").Call(jen.Float64().Call(fx())).Op("!=").Lit(0))
	}
	body := func(b *jen.Group) {
		b.Id("e").Dot("Key").Call(jen.Lit(f.KeyASCII), jen.Lit(f.KeyUTF8))
		emitValue(b, f.Value, fx, nil, depth)
	}
	if len(conds) == 0 {
		body(g)
		return
	}
	cond := conds[0]
	for _, c := range conds[1:] {
		cond = cond.Op("&&").Add(c)
	}
	g.If(cond).BlockFunc(body)
}
