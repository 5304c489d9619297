package generator

import (
	"strconv"

	"github.com/dave/jennifer/jen"
)

func itoa(i int) string { return strconv.Itoa(i) }

// emitValue writes one value. x builds the (addressable) expression of the
// value; px builds its address, or is nil when &x is the address.
//
//	e.Int(int64(<x>))        e.String(<x>)       _jsondump_T(e, &<x>)
//	e.Marshaler(<x>, "p.T")  e.Any(<x>)          e.DefaultHook(<x>)
//	e.Dict(<x>)
func (m *emitter) emitValue(g *jen.Group, v *valuePlan, x, px func() *jen.Statement, depth int) {
	if v.Quoted {
		// ,string: the value's JSON text, then that text as a JSON string.
		//
		//	{ mark := len(e.Buffered()); <value>; e.QuoteFrom(mark) }
		inner := *v
		inner.Quoted = false
		g.BlockFunc(func(b *jen.Group) {
			b.Id(m.n.Mark).Op(":=").Len(m.call("Buffered"))
			m.emitValue(b, &inner, x, px, depth)
			b.Add(m.call("QuoteFrom", jen.Id(m.n.Mark)))
		})
		return
	}
	addr := func() *jen.Statement {
		if px != nil {
			return px()
		}
		return jen.Op("&").Add(x())
	}
	call := func(method string, arg *jen.Statement) { g.Add(m.call(method, arg)) }
	switch v.Kind {
	case kindBool:
		call("Bool", conv(v, "bool", x))
	case kindInt:
		call("Int", jen.Int64().Call(x()))
	case kindUint:
		call("Uint", jen.Uint64().Call(x()))
	case kindFloat32:
		call("Float32", conv(v, "float32", x))
	case kindFloat64:
		call("Float64", conv(v, "float64", x))
	case kindString:
		call("String", conv(v, "string", x))
	case kindBytes:
		switch {
		case v.Type.Slice && v.Type.Elem.Path == "" && (v.Type.Elem.Name == "byte" || v.Type.Elem.Name == "uint8"):
			call("Bytes", x())
		default: // a named slice type, or a slice of a named byte type
			g.Add(rt("EncodeBytes")).Call(m.enc(), x())
		}
	case kindBigInt:
		if v.Addr {
			call("BigInt", addr())
		} else {
			call("BigInt", x())
		}
	case kindNumber:
		call("Number", x())
	case kindRawMessage:
		call("RawMessage", x())
	case kindMarshaler, kindTextMarshal:
		method, arg, name := "Marshaler", x(), v.TypeName
		if v.Kind == kindTextMarshal {
			method = "TextMarshaler"
		}
		if v.Addr {
			arg, name = addr(), "*"+v.TypeName
		} else if v.Lock {
			// A value method, called through the address: the value
			// holds a lock, which go vet forbids to copy into the
			// interface.
			arg = addr()
		}
		if v.Type.Ptr && !v.Addr {
			// A nil pointer of a concrete type is null, as in
			// encoding/json; the method is called for a nil pointer only
			// in an interface field (jsondumprt.Encoder.Marshaler).
			g.If(x().Op("==").Nil()).Block(m.call("Null")).Else().Block(
				m.call(method, arg, jen.Lit(name)),
			)
			return
		}
		g.Add(m.call(method, arg, jen.Lit(name)))
	case kindAny:
		call("Any", x())
	case kindDict:
		call("Dict", x())
	case kindUnsupported:
		call("DefaultHook", x())
	case kindRef:
		g.Id(v.Ref.Func).Call(m.enc(), addr())
	case kindEncodable:
		// Another package's type with its own JSONDumpEncode: given the
		// pointer when the value is addressable, else wrapped in a
		// jsondumprt.Value, which its method writes as a value.
		arg := addr()
		if !v.Addr {
			arg = rt("Value").Types(typeCode(v.Type)).Values(jen.Dict{jen.Id("P"): addr()})
		}
		g.Parens(addr()).Dot("JSONDumpEncode").Call(m.enc(), arg)
	case kindPointer:
		m.emitPointer(g, v, x, depth)
	case kindSlice, kindArray:
		m.emitSlice(g, v, x, depth)
	case kindMap:
		m.emitMap(g, v, x, depth)
	case kindStruct:
		// An anonymous struct, inline; a named one has its own function.
		m.emitStruct(g, v, x, depth)
	}
}

// conv converts x to the predeclared type name unless x already is of it.
func conv(v *valuePlan, name string, x func() *jen.Statement) *jen.Statement {
	if v.Type.Path == "" && v.Type.Name == name {
		return x()
	}
	return jen.Id(name).Call(x())
}

// emitPointer writes a pointer: null when nil, else what it points to,
// inside a cycle check when the target type can lead back to it.
//
//	if <x> == nil { e.Null() } else if jsondumprt.EnterPointer(e, <x>) { <value of *x>; e.Leave() }
func (m *emitter) emitPointer(g *jen.Group, v *valuePlan, x func() *jen.Statement, depth int) {
	elem := func() *jen.Statement { return jen.Parens(jen.Op("*").Add(x())) }
	body := func(b *jen.Group) { m.emitValue(b, v.Elem, elem, x, depth) }
	stmt := g.If(x().Op("==").Nil()).Block(m.call("Null"))
	if v.Check {
		stmt.Else().If(rt("EnterPointer").Call(m.enc(), x())).BlockFunc(func(b *jen.Group) {
			body(b)
			b.Add(m.call("Leave"))
		})
		return
	}
	stmt.Else().BlockFunc(body)
}

// emitSlice writes a slice or an array as a JSON array:
//
//	if <x> == nil { e.Null() } else if e.BeginArray() {
//		for i := range <x> { e.Elem(); <value of x[i]>; if e.Failed() { break } }
//		e.EndArray()
//	}
//
// A slice that can contain itself is checked with EnterSlice/Leave around
// the array (an empty slice holds nothing, so it needs no check).
func (m *emitter) emitSlice(g *jen.Group, v *valuePlan, x func() *jen.Statement, depth int) {
	if fn := scalarSliceFunc(v.Elem); fn != "" {
		// jsondumprt.EncodeInts(e, <x>), or (<x>)[:] for an array.
		arg := x()
		if v.Kind == kindArray {
			arg = jen.Parens(x()).Index(jen.Empty(), jen.Empty())
		}
		g.Add(rt(fn)).Call(m.enc(), arg)
		return
	}
	i := m.n.Index + itoa(depth)
	loop := jen.Id(i).Op(":=").Range().Add(x())
	if v.Elem.Kind == kindStruct && len(v.Elem.Fields) == 0 {
		// An anonymous struct with no JSON fields is {} whatever it holds:
		// the element is not read, and an unused index would not compile.
		loop = jen.Range().Add(x())
	}
	array := func(b *jen.Group) {
		b.If(m.call("BeginArray")).Block(
			jen.For(loop).BlockFunc(func(l *jen.Group) {
				l.Add(m.call("Elem"))
				m.emitValue(l, v.Elem, func() *jen.Statement { return x().Index(jen.Id(i)) }, nil, depth+1)
				l.If(m.call("Failed")).Block(jen.Break())
			}),
			m.call("EndArray"),
		)
	}
	if v.Kind == kindArray {
		array(g)
		return
	}
	stmt := g.If(x().Op("==").Nil()).Block(m.call("Null"))
	if v.Check {
		stmt.Else().If(jen.Len(x()).Op("==").Lit(0)).Block(
			m.call("Raw", jen.Lit("[]")),
		).Else().If(rt("EnterSlice").Call(m.enc(), x())).BlockFunc(func(b *jen.Group) {
			array(b)
			b.Add(m.call("Leave"))
		})
		return
	}
	stmt.Else().BlockFunc(array)
}

var mapFuncs = [...]string{
	keyString:      "EncodeStringMap",
	keyInt:         "EncodeIntMap",
	keyUint:        "EncodeUintMap",
	keyFloat64:     "EncodeFloat64Map",
	keyFloat32:     "EncodeFloat32Map",
	keyBool:        "EncodeBoolMap",
	keyText:        "EncodeTextMap",
	keyTextOrdered: "EncodeTextMapOrdered",
	keyAny:         "EncodeAnyMap",
}

// emitMap writes a map through the runtime function for its key kind, with
// a function literal for its values (it captures nothing, so it costs no
// allocation):
//
//	jsondumprt.EncodeStringMap(e, <x>, func(e *jsondumprt.Encoder, v1 V) { <value of v1> })
//
// Values of a named type with its own function go through that type's
// package-level ElemFunc instead: a literal calling the function with &v1
// is analysed together with it, and for a type that reaches itself
// through the map (type Dict map[string]Dict) the compiler then keeps v1
// on the heap, one allocation per entry. Values that hold a lock, which go
// vet forbids to pass by value, are passed by address through
// jsondumprt.ByPointer, at the cost of one allocation per entry:
//
//	jsondumprt.EncodeStringMap(e, <x>, jsondumprt.ByPointer(func(e *jsondumprt.Encoder, v1 *V) { <value of *v1> }))
//
// A map that can contain itself is checked with EnterMap/Leave.
func (m *emitter) emitMap(g *jen.Group, v *valuePlan, x func() *jen.Statement, depth int) {
	name := m.n.MapVal + itoa(depth+1)
	elem := func() *jen.Statement { return jen.Id(name) }
	var fn jen.Code
	switch r := v.Elem.Ref; {
	case v.Elem.Lock:
		fn = rt("ByPointer").Call(jen.Func().Params(m.encParam(), elem().Op("*").Add(typeCode(v.Type.Elem))).BlockFunc(func(b *jen.Group) {
			m.emitValue(b, v.Elem, func() *jen.Statement { return jen.Parens(jen.Op("*").Add(elem())) }, elem, depth+1)
		}))
	case v.Elem.Kind == kindRef && len(r.TypeParams) == 0 && len(r.Instances) == 0:
		r.needElem = true
		fn = jen.Id(r.ElemFunc)
	default:
		fn = jen.Func().Params(m.encParam(), elem().Add(typeCode(v.Type.Elem))).BlockFunc(func(b *jen.Group) {
			m.emitValue(b, v.Elem, elem, nil, depth+1)
		})
	}
	args := []jen.Code{m.enc(), x(), fn}
	if v.MapKey == keyText || v.MapKey == keyTextOrdered {
		args = append(args, jen.Lit(typeString0(v.Type.Key)))
	}
	encode := rt(mapFuncs[v.MapKey]).Call(args...)
	if !v.Check {
		g.Add(encode)
		return
	}
	g.If(x().Op("==").Nil()).Block(m.call("Null")).Else().If(
		rt("EnterMap").Call(m.enc(), x()),
	).Block(encode, m.call("Leave"))
}

// typeString0 spells a key type for a MarshalText error message, as %T.
func typeString0(t *typeExpr) string {
	if t.Path != "" {
		pkg := t.Path
		for i := len(pkg) - 1; i >= 0; i-- {
			if pkg[i] == '/' {
				pkg = pkg[i+1:]
				break
			}
		}
		return pkg + "." + t.Name
	}
	return t.Name
}

// scalarSliceFunc names the runtime function that writes a slice of elem
// values in one loop, or "" when elem is not a plain scalar.
func scalarSliceFunc(elem *valuePlan) string {
	if elem.Quoted {
		return ""
	}
	switch elem.Kind {
	case kindInt:
		return "EncodeInts"
	case kindUint:
		return "EncodeUints"
	case kindFloat64:
		return "EncodeFloat64s"
	case kindFloat32:
		return "EncodeFloat32s"
	case kindString:
		return "EncodeStrings"
	case kindBool:
		return "EncodeBools"
	}
	return ""
}
