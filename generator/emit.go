package generator

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"
)

// emit prints a filePlan as one gofmt-ed Go file. It never looks at go/types:
// every decision is in the plan.
func emit(p *filePlan, path string) (File, error) {
	f := jen.NewFilePathName(p.PkgPath, p.PkgName)
	if p.Build != "" {
		// Rendered verbatim: the header, a blank line, the constraint.
		f.HeaderComment("// " + header + "\n\n//go:build " + p.Build)
	} else {
		f.HeaderComment(header)
	}
	f.ImportAlias(runtimePath, runtimeAlias)
	f.ImportName(jsondumpPath, jsondumpName)
	f.Comment("This file fails to compile against a runtime that no longer supports it.")
	f.Const().Id("_").Op("=").Qual(runtimePath, "GeneratedCodeVersion2")
	for _, n := range p.Roots {
		emitMethods(f, n)
	}
	keys := nameKeys(p)
	for _, n := range p.Named {
		emitNamed(f, n)
	}
	for _, n := range p.Named {
		if n.needElem {
			f.Comment(n.ElemFunc + " writes a " + n.TypeName + " value, for the values of maps.")
			f.Func().Id(n.ElemFunc).Params(encParam(), jen.Id("v").Add(typeCode(n.Type))).Block(
				jen.Id(n.Func).Call(jen.Id("e"), jen.Op("&").Id("v")),
			)
			f.Line()
		}
	}
	if len(keys) > 0 {
		f.Comment("Struct field keys, in every form the Encoder writes them (jsondumprt.FieldKey).")
		f.Var().DefsFunc(func(g *jen.Group) {
			for _, k := range keys {
				g.Id(k.KeyVar).Op("=").Add(rt("NewFieldKey")).Call(jen.Lit(k.KeyASCII), jen.Lit(k.KeyUTF8))
			}
		})
	}
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		return File{}, fmt.Errorf("%s: formatting generated code: %v", path, err)
	}
	return File{Path: path, Content: buf.Bytes()}, nil
}

func rt(name string) *jen.Statement { return jen.Qual(runtimePath, name) }

func encParam() *jen.Statement { return jen.Id("e").Op("*").Qual(runtimePath, "Encoder") }

func optsParam() *jen.Statement { return jen.Id("opts").Op("...").Qual(jsondumpPath, "Option") }

// emitMethods writes the methods of a -type T and the function behind them:
//
//	func (v *T) Dumps(opts ...jsondump.Option) (string, error)
//	func (v *T) AppendDumps(dst []byte, opts ...jsondump.Option) ([]byte, error)
//	func (v *T) Dump(w io.Writer, opts ...jsondump.Option) error
//	func (T) JSONDumpEncode(e *jsondumprt.Encoder, x any) bool { return _jsondump_T_any(e, x) }
//
//	func _jsondump_T_any(e *jsondumprt.Encoder, x any) bool {
//		switch p := x.(type) {
//		case *T:                  e.Claim(); <null, or the cycle check and _jsondump_T(e, p)>
//		case T:                   e.Claim(); _jsondump_T_value(e, &p)
//		case jsondumprt.Value[T]: e.Claim(); _jsondump_T_value(e, p.P)
//		default:                  return false
//		}
//		return true
//	}
//
// The exported methods pass v itself to _jsondump_T_any, so a *T is written
// one way, with one cycle identity, whether it is the root, a value in an
// any or a field of another package's type. JSONDumpEncode's receiver is
// never read and its body is one call, which Go inlines into the wrapper it
// makes for *T: calling it through a pointer copies nothing.
func emitMethods(f *jen.File, n *namedType) {
	recv := func() *jen.Statement { return jen.Id("v").Op("*").Add(typeCode(n.Type)) }
	anyFunc := func() *jen.Statement {
		if len(n.TypeParams) == 0 {
			return jen.Id(n.AnyFunc)
		}
		var args []jen.Code
		for _, tp := range n.TypeParams {
			args = append(args, jen.Id(tp.Name))
		}
		return jen.Id(n.AnyFunc).Types(args...)
	}
	f.Comment("Dumps returns the JSON text of v, byte-identical to Python's json.dumps.")
	f.Func().Params(recv()).Id("Dumps").Params(optsParam()).Params(jen.String(), jen.Error()).Block(
		jen.Id("e").Op(":=").Add(rt("NewStringEncoder")).Call(jen.Id("opts")),
		anyFunc().Call(jen.Id("e"), jen.Id("v")),
		jen.Return(jen.Id("e").Dot("FinishString").Call()),
	)
	f.Line()
	f.Comment("AppendDumps appends the JSON text of v to dst, as Python's json.dumps")
	f.Comment("writes it, and returns the extended buffer.")
	f.Func().Params(recv()).Id("AppendDumps").Params(jen.Id("dst").Index().Byte(), optsParam()).Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Id("e").Op(":=").Add(rt("NewEncoder")).Call(jen.Id("dst"), jen.Id("opts")),
		anyFunc().Call(jen.Id("e"), jen.Id("v")),
		jen.Return(jen.Id("e").Dot("Finish").Call()),
	)
	f.Line()
	f.Comment("Dump writes the JSON text of v to w, as Python's json.dump does, through a")
	f.Comment("bounded buffer.")
	f.Func().Params(recv()).Id("Dump").Params(jen.Id("w").Qual(ioPath, "Writer"), optsParam()).Error().Block(
		jen.Id("e").Op(":=").Add(rt("NewStreamEncoder")).Call(jen.Id("w"), jen.Id("opts")),
		anyFunc().Call(jen.Id("e"), jen.Id("v")),
		jen.Return(jen.Id("e").Dot("Close").Call()),
	)
	f.Line()
	f.Comment("JSONDumpEncode writes x, of type " + n.Name + " or *" + n.Name + ", into e; it reports false for a value of")
	f.Comment("another type, to which Go promoted the method (jsondumprt.Encodable).")
	f.Func().Params(typeCode(n.Type)).Id("JSONDumpEncode").Params(encParam(), jen.Id("x").Any()).Bool().Block(
		jen.Return(anyFunc().Call(jen.Id("e"), jen.Id("x"))),
	)
	f.Line()
	valueFunc := n.Func
	if n.ValueVariant != nil {
		// A T value is not addressable: its pointer methods do not count.
		valueFunc = n.ValueVariant.Func
	}
	fn := f.Func().Id(n.AnyFunc)
	if len(n.TypeParams) > 0 {
		var params []jen.Code
		for _, tp := range n.TypeParams {
			params = append(params, jen.Id(tp.Name).Add(typeCode(tp.Constraint)))
		}
		fn.Types(params...)
	}
	claim := func() *jen.Statement { return jen.Id("e").Dot("Claim").Call() }
	fn.Params(encParam(), jen.Id("x").Any()).Bool().Block(
		jen.Switch(jen.Id("p").Op(":=").Id("x").Assert(jen.Type())).Block(
			jen.Case(jen.Op("*").Add(typeCode(n.Type))).BlockFunc(func(g *jen.Group) {
				g.Add(claim())
				stmt := g.If(jen.Id("p").Op("==").Nil()).Block(jen.Id("e").Dot("Null").Call())
				if n.Cyclic {
					stmt.Else().If(rt("EnterPointer").Call(jen.Id("e"), jen.Id("p"))).Block(
						jen.Id(n.Func).Call(jen.Id("e"), jen.Id("p")),
						jen.Id("e").Dot("Leave").Call(),
					)
				} else {
					stmt.Else().Block(jen.Id(n.Func).Call(jen.Id("e"), jen.Id("p")))
				}
			}),
			jen.Case(typeCode(n.Type)).Block(
				claim(),
				jen.Id(valueFunc).Call(jen.Id("e"), jen.Op("&").Id("p")),
			),
			jen.Case(rt("Value").Types(typeCode(n.Type))).Block(
				claim(),
				jen.Id(valueFunc).Call(jen.Id("e"), jen.Id("p").Dot("P")),
			),
			jen.Default().Block(jen.Return(jen.False())),
		),
		jen.Return(jen.True()),
	)
	f.Line()
}

// emitNamed writes the encode function of a named type:
//
//	func _jsondump_T(e *jsondumprt.Encoder, v *T) { <value of *v> }
func emitNamed(f *jen.File, n *namedType) {
	fn := f.Func().Id(n.Func)
	if len(n.TypeParams) > 0 {
		var params []jen.Code
		for _, tp := range n.TypeParams {
			params = append(params, jen.Id(tp.Name).Add(typeCode(tp.Constraint)))
		}
		fn.Types(params...)
	}
	fn.Params(encParam(), jen.Id("v").Op("*").Add(typeCode(n.Type))).BlockFunc(func(g *jen.Group) {
		if len(n.Instances) > 0 {
			// The instantiations this package writes have their own
			// functions; others take the dynamic path for T's values.
			g.Switch(jen.Id("p").Op(":=").Id("any").Call(jen.Id("v")).Assert(jen.Type())).BlockFunc(func(sw *jen.Group) {
				for _, inst := range n.Instances {
					sw.Case(jen.Op("*").Add(typeCode(inst.Type))).Block(
						jen.Id(inst.Func).Call(jen.Id("e"), jen.Id("p")),
						jen.Return(),
					)
				}
			})
		}
		if n.Value.Kind == kindStruct {
			emitStruct(g, n.Value, func() *jen.Statement { return jen.Id("v") }, 0)
			return
		}
		x := func() *jen.Statement { return jen.Parens(jen.Op("*").Id("v")) }
		emitValue(g, n.Value, x, func() *jen.Statement { return jen.Id("v") }, 0)
	})
	f.Line()
}

// typeCode spells a GoType.
func typeCode(t *typeExpr) *jen.Statement {
	switch {
	case t.Ptr:
		return jen.Op("*").Add(typeCode(t.Elem))
	case t.Slice:
		return jen.Index().Add(typeCode(t.Elem))
	case t.Array:
		return jen.Index(jen.Lit(int(t.Len))).Add(typeCode(t.Elem))
	case t.Map:
		return jen.Map(typeCode(t.Key)).Add(typeCode(t.Elem))
	case t.Iface:
		return jen.Id("any")
	case t.Struct:
		return jen.StructFunc(func(g *jen.Group) {
			for _, f := range t.Fields {
				var field *jen.Statement
				if f.Embedded {
					field = typeCode(f.Type)
				} else {
					field = jen.Id(f.Name).Add(typeCode(f.Type))
				}
				if f.Tag != "" {
					field.Op(tagLiteral(f.Tag))
				}
				g.Add(field)
			}
		})
	case t.Union != nil:
		var terms []jen.Code
		for _, term := range t.Union {
			c := typeCode(term.Type)
			if term.Tilde {
				c = jen.Op("~").Add(c)
			}
			terms = append(terms, c)
		}
		return jen.Union(terms...)
	}
	var s *jen.Statement
	if t.Path != "" {
		s = jen.Qual(t.Path, t.Name)
	} else {
		s = jen.Id(t.Name)
	}
	if len(t.TypeArgs) > 0 {
		var args []jen.Code
		for _, a := range t.TypeArgs {
			args = append(args, typeCode(a))
		}
		s.Types(args...)
	}
	return s
}

// tagLiteral spells a struct tag as Go source: a raw string unless the tag
// holds a backquote.
func tagLiteral(tag string) string {
	if strings.ContainsRune(tag, '`') {
		return strconv.Quote(tag)
	}
	return "`" + tag + "`"
}

// nameKeys gives every struct field of the plan the name of the package-level
// FieldKey of its JSON key, one per distinct key, and returns one field per
// key in order of first use.
func nameKeys(p *filePlan) []*fieldPlan {
	// "_jsondumpkey_": no function name can begin so, since every one is
	// "_jsondump_" followed by a type's name.
	prefix := "_jsondumpkey_"
	if len(p.Roots) > 0 {
		prefix = "_jsondumpkey_" + p.Roots[0].Name + "_"
	}
	byKey := map[string]string{}
	taken := map[string]bool{}
	var out []*fieldPlan
	var walk func(v *valuePlan)
	walk = func(v *valuePlan) {
		if v == nil {
			return
		}
		for _, f := range v.Fields {
			key := f.KeyASCII + "\x00" + f.KeyUTF8
			name, ok := byKey[key]
			if !ok {
				base := prefix + identPart(f.Name, false)
				if identPart(f.Name, false) == "" {
					base = prefix + strconv.Itoa(len(out))
				}
				name = base
				for i := 2; taken[name]; i++ {
					name = base + "_" + strconv.Itoa(i)
				}
				taken[name] = true
				byKey[key] = name
				out = append(out, f)
			}
			f.KeyVar = name
			walk(f.Value)
		}
		walk(v.Elem)
	}
	for _, n := range p.Named {
		walk(n.Value)
	}
	return out
}
