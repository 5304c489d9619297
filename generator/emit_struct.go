package generator

import (
	"github.com/dave/jennifer/jen"
)

// emitStruct writes one JSON object for a struct value, v being a pointer
// to it; the field order follows SortKeys when it differs:
//
//	if e.BeginObject() {
//		if e.SortKeys() { <fields by name> } else { <fields> }
//		e.EndObject()
//	}
//
// each field being
//
//	if <v>.Base != nil {                      // promoted through a pointer
//		if <not empty> && <not zero> { e.Member(&<key of F>); <value of F> }
//	}
func (m *emitter) emitStruct(g *jen.Group, v *valuePlan, x func() *jen.Statement, depth int) {
	g.If(m.call("BeginObject")).BlockFunc(func(b *jen.Group) {
		if v.Sorted != nil {
			b.If(m.call("SortKeys")).BlockFunc(func(s *jen.Group) {
				m.emitFields(s, v.Sorted, x, depth)
			}).Else().BlockFunc(func(s *jen.Group) {
				m.emitFields(s, v.Fields, x, depth)
			})
		} else {
			m.emitFields(b, v.Fields, x, depth)
		}
		b.Add(m.call("EndObject"))
	})
}

func (m *emitter) emitFields(g *jen.Group, fields []*fieldPlan, x func() *jen.Statement, depth int) {
	for _, f := range fields {
		m.emitField(g, f, x, depth)
	}
}

func (m *emitter) emitField(g *jen.Group, f *fieldPlan, x func() *jen.Statement, depth int) {
	sel := func(n int) func() *jen.Statement {
		return func() *jen.Statement {
			s := x()
			for _, st := range f.Path[:n] {
				if !st.Hidden {
					s = s.Dot(st.Name)
				}
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
		case emptyLen:
			conds = append(conds, jen.Len(fx()).Op("!=").Lit(0))
		case emptyFalse:
			conds = append(conds, conv(f.Value, "bool", fx))
		case emptyZero:
			conds = append(conds, fx().Op("!=").Lit(0))
		case emptyNil:
			conds = append(conds, fx().Op("!=").Nil())
		case emptyDynamic:
			conds = append(conds, jen.Op("!").Add(rt("IsEmptyValue")).Call(jen.Any().Call(fx()), zeroOf(f.Type)))
		}
	}
	switch f.OmitZero {
	case zeroMethod:
		conds = append(conds, jen.Op("!").Add(fx()).Dot("IsZero").Call())
	case zeroNilOrMethod:
		conds = append(conds, fx().Op("!=").Nil(), jen.Op("!").Add(fx()).Dot("IsZero").Call())
	case zeroIfaceMethod:
		// As encoding/json: an interface holding a nil pointer is zero,
		// without calling IsZero on it (which could panic).
		conds = append(conds, fx().Op("!=").Nil(), jen.Op("!").Add(rt("IsNilPointer")).Call(fx()), jen.Op("!").Add(fx()).Dot("IsZero").Call())
	case zeroCompare:
		conds = append(conds, jen.Op("!").Add(rt("IsZero")).Call(jen.Op("&").Add(fx())))
	case zeroDynamic:
		conds = append(conds, jen.Op("!").Add(rt("IsZeroValue")).Call(jen.Any().Call(fx()), zeroOf(f.Type)))
	case zeroNil:
		conds = append(conds, fx().Op("!=").Nil())
	case zeroFields, zeroElems:
		conds = append(conds, jen.Op("!").Parens(m.zeroExpr(f.ZeroTest, fx, depth)))
	}
	body := func(b *jen.Group) {
		b.Add(m.call("Member", jen.Op("&").Id(f.KeyVar)))
		m.emitValue(b, f.Value, fx, nil, depth)
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

// zeroOf is the zero value of t as an any: any(*new(T)).
func zeroOf(t *typeExpr) *jen.Statement {
	return jen.Any().Call(jen.Op("*").New(typeCode(t)))
}

// zeroExpr is the expression "x is its zero value" by a zeroSpec:
//
//	x.A == nil && jsondumprt.IsZero(&x.F) && jsondumprt.IsZero(&x.S)
//	func() bool { for z0 := range x { if !(<x[z0] zero>) { return false } }; return true }()
func (m *emitter) zeroExpr(z *zeroSpec, x func() *jen.Statement, depth int) *jen.Statement {
	switch z.Kind {
	case zeroNil:
		return x().Op("==").Nil()
	case zeroFields:
		if len(z.Fields) == 0 {
			return jen.True()
		}
		var expr *jen.Statement
		for _, f := range z.Fields {
			c := m.zeroExpr(f.Test, func() *jen.Statement { return x().Dot(f.Name) }, depth)
			if expr == nil {
				expr = c
			} else {
				expr = expr.Op("&&").Add(c)
			}
		}
		return expr
	case zeroDynamic:
		return rt("IsZeroValue").Call(jen.Any().Call(x()), zeroOf(z.Type))
	case zeroElems:
		i := m.n.ZeroIdx + itoa(depth)
		return jen.Func().Params().Bool().Block(
			jen.For(jen.Id(i).Op(":=").Range().Add(x())).Block(
				jen.If(jen.Op("!").Parens(m.zeroExpr(z.Elem, func() *jen.Statement { return x().Index(jen.Id(i)) }, depth+1))).Block(jen.Return(jen.False())),
			),
			jen.Return(jen.True()),
		).Call()
	}
	return rt("IsZero").Call(jen.Op("&").Add(x()))
}
