package generator

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/packages"
)

// planner turns go/types into the IR of plan.go. It keeps no state beyond
// one Generate call.
type planner struct {
	pkg   *packages.Package
	named map[*types.TypeName]*Named
	queue []*types.TypeName // named types whose Value is not planned yet
	names map[string]bool   // encode function names taken (plan_names.go)
	diags DiagnosticList
	warns []Diagnostic
	cycle map[types.Type]bool // canCycle memo
	// checks are the Pointer, Slice and Map values with the element type
	// whose cycles decide Value.Check, resolved once all types are known.
	checks map[*Value]types.Type
}

// plan builds the Plan for the root types, following every named type they
// reach through a worklist.
func plan(pkg *packages.Package, roots []*types.TypeName) (*Plan, error) {
	p := &planner{
		pkg:    pkg,
		named:  map[*types.TypeName]*Named{},
		names:  map[string]bool{},
		cycle:  map[types.Type]bool{},
		checks: map[*Value]types.Type{},
	}
	out := &Plan{PkgPath: pkg.PkgPath, PkgName: pkg.Name}
	for _, obj := range roots {
		if _, ok := obj.Type().(*types.Named); !ok || obj.Type().(*types.Named).TypeParams().Len() > 0 {
			p.errorf(obj.Pos(), "type %s: generic types are not supported", obj.Name())
			continue
		}
		n := p.namedFor(obj)
		if !n.Root {
			n.Root = true
			out.Roots = append(out.Roots, n)
		}
	}
	for len(p.queue) > 0 {
		obj := p.queue[0]
		p.queue = p.queue[1:]
		n := p.named[obj]
		t := obj.Type()
		n.Value = p.underlying(t, true, obj.Pos(), obj.Name())
		n.Cyclic = p.canCycle(t, map[types.Type]bool{})
	}
	for v, elem := range p.checks {
		v.Check = p.canCycle(elem, map[types.Type]bool{})
	}
	if len(p.diags) > 0 {
		return nil, p.diags
	}
	for _, obj := range p.order() {
		out.Named = append(out.Named, p.named[obj])
	}
	out.Warns = p.warns
	return out, nil
}

// order lists the named types in the order they were first reached.
func (p *planner) order() []*types.TypeName {
	objs := make([]*types.TypeName, len(p.named))
	for obj, n := range p.named {
		objs[n.seq] = obj
	}
	return objs
}

func (p *planner) position(pos token.Pos) token.Position {
	return relPos(p.pkg.Fset.Position(pos))
}

func (p *planner) errorf(pos token.Pos, format string, args ...any) {
	p.diags = append(p.diags, Diagnostic{Pos: p.position(pos), Msg: sprintf(format, args...)})
}

func (p *planner) warnf(pos token.Pos, format string, args ...any) {
	p.warns = append(p.warns, Diagnostic{Pos: p.position(pos), Msg: sprintf(format, args...)})
}

// namedFor returns the Named of obj, queueing it the first time.
func (p *planner) namedFor(obj *types.TypeName) *Named {
	if n, ok := p.named[obj]; ok {
		return n
	}
	n := &Named{
		Name:     obj.Name(),
		TypeName: typeString(obj.Type()),
		Func:     p.funcName(obj),
		seq:      len(p.named),
	}
	p.named[obj] = n
	p.queue = append(p.queue, obj)
	return n
}

// typeString spells t as %T does: package names, not paths.
func typeString(t types.Type) string {
	return types.TypeString(t, func(pkg *types.Package) string { return pkg.Name() })
}

// Interfaces whose methods decide how a value is written, as encoding/json
// checks them (encode.go, newTypeEncoder): Marshaler first, then
// TextMarshaler; a pointer method counts only for an addressable value.
var (
	errorType   = types.Universe.Lookup("error").Type()
	marshalJSON = methodSig("MarshalJSON", types.NewSlice(types.Typ[types.Byte]), errorType)
	marshalText = methodSig("MarshalText", types.NewSlice(types.Typ[types.Byte]), errorType)
	isZeroIface = methodSig("IsZero", types.Typ[types.Bool], nil)
)

func methodSig(name string, r1, r2 types.Type) *types.Interface {
	res := []*types.Var{types.NewVar(token.NoPos, nil, "", r1)}
	if r2 != nil {
		res = append(res, types.NewVar(token.NoPos, nil, "", r2))
	}
	sig := types.NewSignatureType(nil, nil, nil, nil, types.NewTuple(res...), false)
	it := types.NewInterfaceType([]*types.Func{types.NewFunc(token.NoPos, nil, name, sig)}, nil)
	it.Complete()
	return it
}

// implements reports whether t, or *t when addr, has the interface's method.
func implements(t types.Type, it *types.Interface, addr bool) (yes, viaPtr bool) {
	if types.Implements(t, it) {
		return true, false
	}
	if _, isPtr := t.Underlying().(*types.Pointer); !isPtr && addr {
		if _, isIface := t.Underlying().(*types.Interface); !isIface && types.Implements(types.NewPointer(t), it) {
			return true, true
		}
	}
	return false, false
}

// namedPath returns "path.Name" for a named type, "" otherwise.
func namedPath(t types.Type) string {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return ""
	}
	return n.Obj().Pkg().Path() + "." + n.Obj().Name()
}

// value plans a value of type t found at pos; addr says whether encoding/json
// would see it addressable (struct fields through a pointer, slice and array
// elements: yes; map values: no).
func (p *planner) value(t types.Type, addr bool, pos token.Pos, what string) *Value {
	t = types.Unalias(t)
	v := &Value{Type: p.goType(t, pos, what), TypeName: typeString(t)}
	switch namedPath(t) {
	case "encoding/json.RawMessage":
		v.Kind = RawMessage
		return v
	case "encoding/json.Number":
		v.Kind = Number
		return v
	case "math/big.Int":
		if addr {
			v.Kind, v.Addr = BigInt, true
			return v
		}
	}
	if ptr, ok := t.(*types.Pointer); ok && namedPath(ptr.Elem()) == "math/big.Int" {
		v.Kind = BigInt
		return v
	}
	if ok, viaPtr := implements(t, marshalJSON, addr); ok {
		v.Kind, v.Addr = Marshaler, viaPtr
		return v
	}
	if ok, viaPtr := implements(t, marshalText, addr); ok {
		v.Kind, v.Addr = TextMarshal, viaPtr
		return v
	}
	if n, ok := t.(*types.Named); ok {
		switch n.Underlying().(type) {
		case *types.Struct, *types.Slice, *types.Array, *types.Map:
			if n.TypeArgs().Len() > 0 {
				p.errorf(pos, "%s: generic type %s is not supported yet", what, typeString(t))
				v.Kind = Unsupported
				return v
			}
			v.Kind = Ref
			v.Ref = p.namedFor(n.Obj())
			return v
		}
	}
	return p.underlying(t, addr, pos, what)
}

// underlying plans a value by its underlying type, for a named type's own
// encode function and for unnamed types.
func (p *planner) underlying(t types.Type, addr bool, pos token.Pos, what string) *Value {
	v := &Value{Type: p.goType(t, pos, what), TypeName: typeString(t)}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Kind() == types.Bool:
			v.Kind = Bool
		case u.Info()&types.IsInteger != 0 && u.Info()&types.IsUnsigned != 0:
			v.Kind = Uint
		case u.Info()&types.IsInteger != 0:
			v.Kind = Int
		case u.Kind() == types.Float32:
			v.Kind = Float32
		case u.Kind() == types.Float64:
			v.Kind = Float64
		case u.Kind() == types.String:
			v.Kind = String
		default: // complex, unsafe.Pointer
			p.unsupported(v, pos, what, t)
		}
	case *types.Pointer:
		v.Kind = Pointer
		v.Elem = p.value(u.Elem(), true, pos, what)
		p.checks[v] = u.Elem()
	case *types.Slice:
		if b, ok := types.Unalias(u.Elem()).(*types.Basic); ok && b.Kind() == types.Byte {
			v.Kind = Bytes
			return v
		}
		if isByteKind(u.Elem()) {
			// As encoding/json: base64, unless the element type has its
			// own JSON or text form.
			mj, _ := implements(u.Elem(), marshalJSON, true)
			mt, _ := implements(u.Elem(), marshalText, true)
			if !mj && !mt {
				v.Kind = Bytes
				return v
			}
		}
		v.Kind = Slice
		v.Elem = p.value(u.Elem(), true, pos, what)
		p.checks[v] = u.Elem()
	case *types.Array:
		v.Kind = Array
		v.Elem = p.value(u.Elem(), addr, pos, what)
	case *types.Map:
		v.Kind = Map
		v.MapKey = p.mapKey(u.Key(), pos, what)
		v.Elem = p.value(u.Elem(), false, pos, what)
		p.checks[v] = u.Elem()
	case *types.Struct:
		// A named struct gets its own function; an anonymous one is written
		// inline where it appears.
		v.Kind = Struct
		v.Fields = p.structFields(u, what)
		v.Sorted = sortedFields(v.Fields)
	case *types.Interface:
		v.Kind = Any
	default: // chan, func
		p.unsupported(v, pos, what, t)
	}
	return v
}

func isByteKind(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Uint8
}

// unsupported plans a value with no JSON form: it goes to the Default hook
// at run time, as Python hands an unknown object to default=.
func (p *planner) unsupported(v *Value, pos token.Pos, what string, t types.Type) {
	v.Kind = Unsupported
	p.warnf(pos, "%s: type %s has no JSON equivalent; it is passed to the Default hook at run time; tag it json:\"-\" or give it a MarshalJSON method", what, typeString(t))
}

// mapKey chooses the runtime map function by the key type, in encoding/json's
// order (string kind first, then TextMarshaler, then numbers); float and bool
// keys follow Python's rules (DESIGN.md).
func (p *planner) mapKey(k types.Type, pos token.Pos, what string) MapKey {
	if b, ok := k.Underlying().(*types.Basic); ok {
		switch {
		case b.Kind() == types.String:
			return KeyString
		}
	}
	if ok, _ := implements(k, marshalText, false); ok {
		return KeyText
	}
	if b, ok := k.Underlying().(*types.Basic); ok {
		switch {
		case b.Info()&types.IsInteger != 0 && b.Info()&types.IsUnsigned != 0:
			return KeyUint
		case b.Info()&types.IsInteger != 0:
			return KeyInt
		case b.Kind() == types.Float64:
			return KeyFloat64
		case b.Kind() == types.Float32:
			return KeyFloat32
		case b.Kind() == types.Bool:
			return KeyBool
		}
	}
	if _, ok := k.Underlying().(*types.Interface); ok {
		return KeyAny
	}
	// Any other key (a struct, an array, a pointer, a complex number) is
	// not a Python key: the map is Python's TypeError at run time, unless
	// SkipKeys drops its members.
	p.warnf(pos, "%s: map key type %s is not a JSON key (str, int, float, bool or None): encoding a non-empty map fails unless SkipKeys is on", what, typeString(k))
	return KeyAny
}

// canCycle reports whether a value of type t can lead back to a container
// that holds it: t reaches a named type that reaches itself, or an interface
// (which can hold anything). Marshalers are opaque and end the search.
// Only such values pay for CheckCircular.
func (p *planner) canCycle(t types.Type, stack map[types.Type]bool) bool {
	t = types.Unalias(t)
	if r, ok := p.cycle[t]; ok {
		return r
	}
	if n, ok := t.(*types.Named); ok {
		if stack[n] {
			return true
		}
		if ok, _ := implements(n, marshalJSON, true); ok {
			return false
		}
		if ok, _ := implements(n, marshalText, true); ok {
			return false
		}
		stack[n] = true
		r := p.canCycle(n.Underlying(), stack)
		delete(stack, n)
		p.cycle[n] = r
		return r
	}
	switch u := t.(type) {
	case *types.Interface:
		return true
	case *types.Pointer:
		return p.canCycle(u.Elem(), stack)
	case *types.Slice:
		return p.canCycle(u.Elem(), stack)
	case *types.Array:
		return p.canCycle(u.Elem(), stack)
	case *types.Map:
		return p.canCycle(u.Elem(), stack)
	case *types.Struct:
		for i := range u.NumFields() {
			if p.canCycle(u.Field(i).Type(), stack) {
				return true
			}
		}
	}
	return false
}

// goType describes t for spelling in generated code.
func (p *planner) goType(t types.Type, pos token.Pos, what string) *GoType {
	switch u := types.Unalias(t).(type) {
	case *types.Named:
		g := &GoType{Name: u.Obj().Name()}
		if u.Obj().Pkg() != nil {
			g.Path = u.Obj().Pkg().Path()
		}
		return g
	case *types.Basic:
		return &GoType{Name: u.Name()}
	case *types.Pointer:
		return &GoType{Ptr: true, Elem: p.goType(u.Elem(), pos, what)}
	case *types.Slice:
		return &GoType{Slice: true, Elem: p.goType(u.Elem(), pos, what)}
	case *types.Array:
		return &GoType{Array: true, Len: u.Len(), Elem: p.goType(u.Elem(), pos, what)}
	case *types.Map:
		return &GoType{Map: true, Key: p.goType(u.Key(), pos, what), Elem: p.goType(u.Elem(), pos, what)}
	case *types.Interface:
		if u.Empty() {
			return &GoType{Iface: true}
		}
	case *types.Struct:
		g := &GoType{Struct: true}
		for i := range u.NumFields() {
			f := u.Field(i)
			if !f.Exported() && f.Pkg() != nil && f.Pkg().Path() != p.pkg.PkgPath {
				// Spelled nowhere unless it is a map's value type.
				return &GoType{Name: "_unsupported"}
			}
			g.Fields = append(g.Fields, GoField{Name: f.Name(), Embedded: f.Embedded(), Tag: u.Tag(i), Type: p.goType(f.Type(), pos, what)})
		}
		return g
	}
	// Spelled nowhere unless it is a map's value type; planning reports it
	// there (mapValueSpellable).
	return &GoType{Name: "_unsupported"}
}
