package generator

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"
)

// emit prints a filePlan as one gofmt-ed Go file. It never looks at
// go/types: every decision, every name included, is in the plan.
func emit(p *filePlan, path string) (File, error) {
	f := jen.NewFilePathName(p.PkgPath, p.PkgName)
	if p.Build != "" {
		// Rendered verbatim: the header, a blank line, the constraint.
		f.HeaderComment("// " + header + "\n\n//go:build " + p.Build)
	} else {
		f.HeaderComment(header)
	}
	for _, imp := range p.Imports {
		if imp.Alias {
			f.ImportAlias(imp.Path, imp.Name)
		} else {
			f.ImportName(imp.Path, imp.Name)
		}
	}
	m := &emitter{f: f, n: p.Names}
	f.Comment("This file fails to compile against a runtime that no longer supports it.")
	f.Const().Id("_").Op("=").Qual(runtimePath, "GeneratedCodeVersion2")
	f.Line()
	// First, so that the compiler reports them first.
	for i, g := range p.Guards {
		m.emitGuard(g, i == 0)
	}
	for _, n := range p.Roots {
		m.emitMethods(n)
	}
	for _, n := range p.Named {
		m.emitNamed(n)
	}
	for _, n := range p.Named {
		if n.needElem {
			f.Comment(n.ElemFunc + " writes a " + n.TypeName + " value, for the values of maps.")
			f.Func().Id(n.ElemFunc).Params(m.encParam(), m.val().Add(typeCode(n.Type))).Block(
				jen.Id(n.Func).Call(m.enc(), jen.Op("&").Add(m.val())),
			)
			f.Line()
		}
	}
	if len(p.Keys) > 0 {
		f.Comment("Struct field keys, in every form the Encoder writes them (jsondumprt.FieldKey).")
		f.Var().DefsFunc(func(g *jen.Group) {
			for _, k := range p.Keys {
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

// An emitter prints one file's declarations with the file's names.
type emitter struct {
	f *jen.File
	n fileNames
}

func rt(name string) *jen.Statement { return jen.Qual(runtimePath, name) }

func (m *emitter) enc() *jen.Statement { return jen.Id(m.n.Enc) }

func (m *emitter) val() *jen.Statement { return jen.Id(m.n.Val) }

// call is e.<method>(args...).
func (m *emitter) call(method string, args ...jen.Code) *jen.Statement {
	return m.enc().Dot(method).Call(args...)
}

func (m *emitter) encParam() *jen.Statement {
	return m.enc().Op("*").Qual(runtimePath, "Encoder")
}

func (m *emitter) optsParam() *jen.Statement {
	return jen.Id(m.n.Opts).Op("...").Qual(jsondumpPath, "Option")
}

// typeParams spells a generic function's type parameters.
func typeParamsCode(tps []typeParam) []jen.Code {
	var params []jen.Code
	for _, tp := range tps {
		params = append(params, jen.Id(tp.Name).Add(typeCode(tp.Constraint)))
	}
	return params
}

// emitMethods writes the methods of a -type T and the function behind them:
//
//	func (v *T) Dumps(opts ...jsondump.Option) (string, error)
//	func (v *T) AppendDumps(dst []byte, opts ...jsondump.Option) ([]byte, error)
//	func (v *T) Dump(w io.Writer, opts ...jsondump.Option) error
//	func (T) JSONDumpEncode(e *jsondumprt.Encoder, x any) bool { return _jsondump_T_any(e, x) }
//
//	func _jsondump_T_any(e *jsondumprt.Encoder, x any) bool {
//		switch p := x.(type) {
//		case *T:                  e.ClaimSized(&_jsondump_T_size); <null, or the cycle check and _jsondump_T(e, p)>; return true
//		case jsondumprt.Value[T]: e.Claim(); _jsondump_T_value(e, p.P); return true
//		}
//		return _jsondump_T_anyvalue(e, x)
//	}
//
//	func _jsondump_T_anyvalue(e *jsondumprt.Encoder, x any) bool {
//		switch p := x.(type) { case T: e.ClaimSized(&_jsondump_T_size); _jsondump_T_value(e, &p); return true }
//		return false
//	}
//
// A T value is copied out of the any in _jsondump_T_anyvalue, so that the
// frame of _jsondump_T_any, on the stack at every level of a *T nested
// through any fields, holds no T; a large or generic T is copied onto the
// heap (jsondumprt.CopyValue) rather than the stack.
//
// The exported methods pass v itself to _jsondump_T_any, so a *T is written
// one way, with one cycle identity, whether it is the root, a value in an
// any or a field of another package's type. JSONDumpEncode's receiver is
// never read and its body is one call, which Go inlines into the wrapper it
// makes for *T: calling it through a pointer copies nothing. A T that holds
// a lock gets a pointer receiver and no case T, either of which would copy
// it.
func (m *emitter) emitMethods(n *namedType) {
	f := m.f
	recv := func() *jen.Statement { return m.val().Op("*").Add(typeCode(n.Type)) }
	anyFunc := func() *jen.Statement { return typeArgs(n, n.AnyFunc) }
	e, v := m.enc, m.val
	opts := func() *jen.Statement { return jen.Id(m.n.Opts) }
	f.Comment(n.SizeVar + " is the length of the last output of (*" + n.Name + ").Dumps.")
	f.Var().Id(n.SizeVar).Add(rt("SizeHint"))
	f.Line()
	f.Comment("Dumps returns the JSON text of v, byte-identical to Python's json.dumps.")
	f.Func().Params(recv()).Id("Dumps").Params(m.optsParam()).Params(jen.String(), jen.Error()).Block(
		e().Op(":=").Add(rt("NewStringEncoder")).Call(opts(), jen.Op("&").Id(n.SizeVar)),
		anyFunc().Call(e(), v()),
		jen.Return(m.call("FinishString")),
	)
	f.Line()
	f.Comment("AppendDumps appends the JSON text of v to dst, as Python's json.dumps")
	f.Comment("writes it, and returns the extended buffer.")
	f.Func().Params(recv()).Id("AppendDumps").Params(jen.Id(m.n.Dst).Index().Byte(), m.optsParam()).Params(jen.Index().Byte(), jen.Error()).Block(
		e().Op(":=").Add(rt("NewEncoder")).Call(jen.Id(m.n.Dst), opts()),
		anyFunc().Call(e(), v()),
		jen.Return(m.call("Finish")),
	)
	f.Line()
	f.Comment("Dump writes the JSON text of v to w, as Python's json.dump does, through a")
	f.Comment("bounded buffer.")
	f.Func().Params(recv()).Id("Dump").Params(jen.Id(m.n.Writer).Qual(ioPath, "Writer"), m.optsParam()).Error().Block(
		e().Op(":=").Add(rt("NewStreamEncoder")).Call(jen.Id(m.n.Writer), opts()),
		anyFunc().Call(e(), v()),
		jen.Return(m.call("Close")),
	)
	f.Line()
	recvType := typeCode(n.Type)
	if n.Lock {
		f.Comment("JSONDumpEncode writes x, of type *" + n.Name + ", into e; it reports false for a value of")
		f.Comment("another type, to which Go promoted the method (jsondumprt.Encodable). " + n.Name + " holds")
		f.Comment("a lock, which go vet forbids to copy: the receiver is a pointer, and a " + n.Name)
		f.Comment("value held in an any is not an Encodable.")
		recvType = jen.Op("*").Add(typeCode(n.Type))
	} else {
		f.Comment("JSONDumpEncode writes x, of type " + n.Name + " or *" + n.Name + ", into e; it reports false for a value of")
		f.Comment("another type, to which Go promoted the method (jsondumprt.Encodable).")
	}
	arg := func() *jen.Statement { return jen.Id(m.n.Arg) }
	f.Func().Params(recvType).Id("JSONDumpEncode").Params(m.encParam(), arg().Any()).Bool().Block(
		jen.Return(anyFunc().Call(e(), arg())),
	)
	f.Line()
	valueFunc := n.Func
	if n.ValueVariant != nil {
		// A T value is not addressable: its pointer methods do not count.
		valueFunc = n.ValueVariant.Func
	}
	fn := f.Func().Id(n.AnyFunc)
	if len(n.TypeParams) > 0 {
		fn.Types(typeParamsCode(n.TypeParams)...)
	}
	sw := func() *jen.Statement { return jen.Id(m.n.Switch) }
	claim := func() *jen.Statement { return m.call("Claim") }
	// A *T or a T may be the root of jsondump.Dumps, which then sizes its
	// result by this type's SizeHint.
	claimSized := func() *jen.Statement { return m.call("ClaimSized", jen.Op("&").Id(n.SizeVar)) }
	fn.Params(m.encParam(), arg().Any()).Bool().Block(
		jen.Switch(sw().Op(":=").Add(arg()).Assert(jen.Type())).BlockFunc(func(g *jen.Group) {
			g.Case(jen.Op("*").Add(typeCode(n.Type))).BlockFunc(func(g *jen.Group) {
				g.Add(claimSized())
				stmt := g.If(sw().Op("==").Nil()).Block(m.call("Null"))
				if n.Cyclic {
					stmt.Else().If(rt("EnterPointer").Call(e(), sw())).Block(
						jen.Id(n.Func).Call(e(), sw()),
						m.call("Leave"),
					)
				} else {
					stmt.Else().Block(jen.Id(n.Func).Call(e(), sw()))
				}
				g.Return(jen.True())
			})
			g.Case(rt("Value").Types(typeCode(n.Type))).Block(
				claim(),
				jen.Id(valueFunc).Call(e(), sw().Dot("P")),
				jen.Return(jen.True()),
			)
		}),
		jen.Return(m.anyValueCall(n)),
	)
	f.Line()
	if n.Lock {
		return
	}
	// The T value, copied out of the any onto the stack, or the heap.
	fn = f.Func().Id(n.AnyValueFunc)
	if len(n.TypeParams) > 0 {
		fn.Types(typeParamsCode(n.TypeParams)...)
	}
	fn.Params(m.encParam(), arg().Any()).Bool().BlockFunc(func(g *jen.Group) {
		if n.HeapCopy {
			//	if p := jsondumprt.CopyValue[T](x); p != nil { e.ClaimSized(&_jsondump_T_size); _jsondump_T_value(e, p); return true }
			g.If(sw().Op(":=").Add(rt("CopyValue").Types(typeCode(n.Type))).Call(arg()), sw().Op("!=").Nil()).Block(
				claimSized(),
				jen.Id(valueFunc).Call(e(), sw()),
				jen.Return(jen.True()),
			)
		} else {
			//	switch p := x.(type) { case T: e.ClaimSized(&_jsondump_T_size); _jsondump_T_value(e, &p); return true }
			g.Switch(sw().Op(":=").Add(arg()).Assert(jen.Type())).Block(
				jen.Case(typeCode(n.Type)).Block(
					claimSized(),
					jen.Id(valueFunc).Call(e(), jen.Op("&").Add(sw())),
					jen.Return(jen.True()),
				),
			)
		}
		g.Return(jen.False())
	})
	f.Line()
}

// anyValueCall is the end of a -type's AnyFunc: a T value is left to
// AnyValueFunc, which a type that holds a lock does not have (a T of it in
// an any is not an Encodable).
func (m *emitter) anyValueCall(n *namedType) *jen.Statement {
	if n.Lock {
		return jen.False()
	}
	return typeArgs(n, n.AnyValueFunc).Call(m.enc(), jen.Id(m.n.Arg))
}

// typeArgs is the name of one of a -type's functions, instantiated with
// its own type parameters when it is generic.
func typeArgs(n *namedType, name string) *jen.Statement {
	if len(n.TypeParams) == 0 {
		return jen.Id(name)
	}
	var args []jen.Code
	for _, tp := range n.TypeParams {
		args = append(args, jen.Id(tp.Name))
	}
	return jen.Id(name).Types(args...)
}

// emitNamed writes the encode function of a named type:
//
//	func _jsondump_T(e *jsondumprt.Encoder, v *T) { <value of *v> }
func (m *emitter) emitNamed(n *namedType) {
	fn := m.f.Func().Id(n.Func)
	if len(n.TypeParams) > 0 {
		fn.Types(typeParamsCode(n.TypeParams)...)
	}
	fn.Params(m.encParam(), m.val().Op("*").Add(typeCode(n.Type))).BlockFunc(func(g *jen.Group) {
		if len(n.Instances) > 0 {
			// The instantiations this package writes have their own
			// functions; others take the dynamic path for T's values.
			sw := func() *jen.Statement { return jen.Id(m.n.Switch) }
			g.Switch(sw().Op(":=").Id("any").Call(m.val()).Assert(jen.Type())).BlockFunc(func(c *jen.Group) {
				for _, inst := range n.Instances {
					c.Case(jen.Op("*").Add(typeCode(inst.Type))).Block(
						jen.Id(inst.Func).Call(m.enc(), sw()),
						jen.Return(),
					)
				}
			})
		}
		if n.Value.Kind == kindStruct {
			m.emitStruct(g, n.Value, m.val, 0)
			return
		}
		x := func() *jen.Statement { return jen.Parens(jen.Op("*").Add(m.val())) }
		m.emitValue(g, n.Value, x, m.val, 0)
	})
	m.f.Line()
}

// emitGuard writes the check that a type is still declared as the plan
// saw it (guardPlan), the first after the comment that explains the
// compiler's message:
//
//	func _() {
//		type jsondumpgen_T_changed__run_go_generate = struct{ A int `json:"a"` }
//		var _ jsondumpgen_T_changed__run_go_generate = T{}
//	}
//
// or, for guardLayout,
//
//	func _() {
//		var x T
//		var y struct{ A int; _ sync.Mutex }
//		{ const d = int(unsafe.Sizeof(x)) - int(unsafe.Sizeof(y)); type Hint = [d * d]struct{}; var _ [0]struct{} = Hint{} }
//		{ const d = int(unsafe.Offsetof(x.A)) - int(unsafe.Offsetof(y.A)); <the same> }
//		{ type Hint = int; var _ *Hint = &x.A }
//	}
func (m *emitter) emitGuard(g *guardPlan, first bool) {
	if first {
		m.f.Comment("The functions _ below fail to compile when a type this file was generated")
		m.f.Comment("from changed since: its fields, their order, types or tags, or its kind.")
		m.f.Comment("The compiler's message then names jsondumpgen_<type>_changed__run_go_generate:")
		m.f.Comment("run go generate.")
	}
	fn := m.f.Func().Id("_")
	if len(g.TypeParams) > 0 {
		fn.Types(typeParamsCode(g.TypeParams)...)
	}
	hint := func() *jen.Statement { return jen.Id(g.Hint) }
	fn.Params().BlockFunc(func(b *jen.Group) {
		switch g.Form {
		case guardAssign:
			b.Type().Id(g.Hint).Op("=").Add(typeCode(g.Under))
			zero := typeCode(g.Type).Values()
			if g.Nil {
				zero = typeCode(g.Type).Call(jen.Nil())
			}
			b.Var().Id("_").Add(hint()).Op("=").Add(zero)
		case guardConvert:
			b.Type().Id(g.Hint).Op("=").Add(typeCode(g.Under))
			b.Id("_").Op("=").Parens(jen.Op("*").Add(hint())).Call(jen.Parens(jen.Op("*").Add(typeCode(g.Type))).Call(jen.Nil()))
		case guardLayout:
			got := func() *jen.Statement { return jen.Id(m.n.Got) }
			want := func() *jen.Statement { return jen.Id(m.n.Want) }
			b.Var().Add(got()).Add(typeCode(g.Type))
			b.Var().Add(want()).Add(typeCode(g.Layout))
			// Each difference of sizes or offsets must be 0: its square
			// is the length of an array type that must be [0]struct{}.
			d := func() *jen.Statement { return jen.Id(m.n.Diff) }
			check := func(fn string, x, y *jen.Statement) {
				b.BlockFunc(func(c *jen.Group) {
					c.Const().Add(d()).Op("=").Id("int").Call(jen.Qual("unsafe", fn).Call(x)).Op("-").Id("int").Call(jen.Qual("unsafe", fn).Call(y))
					c.Type().Id(g.Hint).Op("=").Index(d().Op("*").Add(d())).Struct()
					c.Var().Id("_").Index(jen.Lit(0)).Struct().Op("=").Add(hint()).Values()
				})
			}
			check("Sizeof", got(), want())
			for _, f := range g.Fields {
				check("Offsetof", got().Dot(f.Name), want().Dot(f.Name))
			}
			for _, f := range g.Fields {
				if f.Type != nil {
					b.BlockFunc(func(c *jen.Group) {
						c.Type().Id(g.Hint).Op("=").Add(typeCode(f.Type))
						c.Var().Id("_").Op("*").Add(hint()).Op("=").Op("&").Add(got()).Dot(f.Name)
					})
				}
			}
		}
	})
	m.f.Line()
}

// typeCode spells a typeExpr.
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
	case t.Iface && len(t.Methods)+len(t.Embeds) == 0:
		return jen.Id("any")
	case t.Iface:
		return jen.InterfaceFunc(func(g *jen.Group) {
			for _, e := range t.Embeds {
				g.Add(typeCode(e))
			}
			for _, m := range t.Methods {
				g.Id(m.Name).Add(signatureCode(m.Func))
			}
		})
	case t.Func:
		return jen.Func().Add(signatureCode(t))
	case t.Chan:
		switch t.Dir {
		case chanSend:
			return jen.Chan().Op("<-").Add(typeCode(t.Elem))
		case chanRecv:
			return jen.Op("<-").Chan().Add(typeCode(t.Elem))
		}
		if t.Elem.Chan && t.Elem.Dir == chanRecv {
			return jen.Chan().Parens(typeCode(t.Elem)) // chan (<-chan T)
		}
		return jen.Chan().Add(typeCode(t.Elem))
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

// signatureCode spells a function type's parameters and results, without
// the func keyword.
func signatureCode(t *typeExpr) *jen.Statement {
	var params, results []jen.Code
	for i, p := range t.Params {
		if t.Variadic && i == len(t.Params)-1 {
			params = append(params, jen.Op("...").Add(typeCode(p.Elem)))
			continue
		}
		params = append(params, typeCode(p))
	}
	for _, r := range t.Results {
		results = append(results, typeCode(r))
	}
	s := jen.Params(params...)
	if len(results) > 0 {
		s.Params(results...)
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
