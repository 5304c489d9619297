package generator

import (
	"go/token"
	"go/types"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"
)

// planner turns go/types into the IR of plan.go. It keeps no state beyond
// one Generate call.
type planner struct {
	pkg   *packages.Package
	named map[string]*Named // by the type's full spelling (typeKey)
	queue []queued          // named types whose Value is not planned yet
	first string            // the first -type, prefix of helper function names
	names map[string]bool   // encode function names taken (plan_names.go)
	diags DiagnosticList
	warns []Diagnostic
	cycle map[types.Type]bool // canCycle memo
	addrs map[types.Type]bool // addrSensitive memo
	// checks are the Pointer, Slice and Map values with the element type
	// whose cycles decide Value.Check, resolved once all types are known.
	checks map[*Value]types.Type
}

// plan builds the Plan for the root types, following every named type they
// reach through a worklist.
func plan(pkg *packages.Package, roots []*types.TypeName) (*Plan, error) {
	p := &planner{
		pkg:    pkg,
		named:  map[string]*Named{},
		names:  map[string]bool{},
		cycle:  map[types.Type]bool{},
		addrs:  map[types.Type]bool{},
		checks: map[*Value]types.Type{},
	}
	out := &Plan{PkgPath: pkg.PkgPath, PkgName: pkg.Name}
	if len(roots) > 0 {
		p.first = roots[0].Name()
	}
	for _, obj := range roots {
		t, ok := obj.Type().(*types.Named)
		if !ok {
			continue
		}
		n := p.namedFor(t, true)
		if n.Root {
			continue
		}
		n.Root = true
		n.AnyFunc = p.reserveName(n.Func + "_any")
		out.Roots = append(out.Roots, n)
		if t.TypeParams().Len() > 0 {
			n.Instances = p.instances(t)
		}
		sensitive := p.addrSensitive(t)
		for _, inst := range n.Instances {
			if it := p.instanceType(inst); it != nil && p.addrSensitive(it) {
				sensitive = true
			}
		}
		if sensitive {
			vv := p.namedValueFor(t)
			n.ValueVariant = vv
			for _, inst := range n.Instances {
				// The instances' own variants, where they differ.
				it := p.instanceType(inst)
				if it != nil && p.addrSensitive(it) {
					vv.Instances = append(vv.Instances, p.namedValueFor(it))
				} else {
					vv.Instances = append(vv.Instances, inst)
				}
			}
		}
	}
	for len(p.queue) > 0 {
		q := p.queue[0]
		p.queue = p.queue[1:]
		t, n := q.t, q.n
		if t.TypeParams().Len() > 0 && t.TypeArgs().Len() == 0 {
			n.TypeParams = p.typeParams(t)
		}
		n.Value = p.underlying(t, !n.NotAddr, t.Obj().Pos(), t.Obj().Name())
		if v := p.marshaled(t, !n.NotAddr); v != nil {
			// A -type with its own MarshalJSON or MarshalText is written
			// through it, as encoding/json and the dynamic path write it.
			n.Value = v
		}
		n.Cyclic = p.canCycle(t, map[types.Type]bool{})
		if n.Root && n.Value.Kind == Unsupported {
			p.errorf(t.Obj().Pos(), "type %s: its underlying type %s has no JSON form; -type takes structs, slices, arrays, maps and basic types", t.Obj().Name(), typeString(t.Underlying()))
		}
	}
	for v, elem := range p.checks {
		v.Check = p.canCycle(elem, map[types.Type]bool{})
	}
	if len(p.diags) > 0 {
		return nil, p.diags
	}
	out.Named = p.order()
	out.Warns = p.warns
	return out, nil
}

// order lists the named types in the order they were first reached.
func (p *planner) order() []*Named {
	out := make([]*Named, len(p.named))
	for _, n := range p.named {
		out[n.seq] = n
	}
	return out
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

// namedFor returns the Named of t, queueing it the first time; root says
// whether t is a -type (whose function name has no prefix).
func (p *planner) namedFor(t *types.Named, root bool) *Named {
	key := typeKey(t)
	if n, ok := p.named[key]; ok {
		return n
	}
	obj := t.Obj()
	n := &Named{
		Name:     obj.Name(),
		TypeName: typeString(t),
		Func:     p.funcName(t, root),
		Type:     p.goType(t, obj.Pos(), obj.Name()),
		seq:      len(p.named),
	}
	n.ElemFunc = p.reserveName(n.Func + "_elem")
	p.named[key] = n
	p.queue = append(p.queue, queued{t, n})
	return n
}

// A queued is a named type, or its NotAddr variant, to plan.
type queued struct {
	t *types.Named
	n *Named
}

// instanceType returns the instantiated type a Named of plan order was made
// for, or nil.
func (p *planner) instanceType(n *Named) *types.Named {
	for _, inst := range p.pkg.TypesInfo.Instances {
		if t, ok := inst.Type.(*types.Named); ok && p.named[typeKey(t)] == n {
			return t
		}
	}
	return nil
}

// reserveName returns name, or name_2, name_3, ... if taken, and takes it.
func (p *planner) reserveName(name string) string {
	out := name
	for i := 2; p.names[out]; i++ {
		out = name + "_" + strconv.Itoa(i)
	}
	p.names[out] = true
	return out
}

// namedValueFor returns the NotAddr variant of t (see Named.NotAddr),
// queueing it the first time. Its function is named after t's.
func (p *planner) namedValueFor(t *types.Named) *Named {
	key := typeKey(t) + " (not addressable)"
	if n, ok := p.named[key]; ok {
		return n
	}
	base := p.namedFor(t, false)
	n := &Named{
		Name:     base.Name,
		TypeName: base.TypeName,
		Func:     p.reserveName(base.Func + "_value"),
		Type:     base.Type,
		NotAddr:  true,
		seq:      len(p.named),
	}
	n.ElemFunc = p.reserveName(n.Func + "_elem")
	p.named[key] = n
	p.queue = append(p.queue, queued{t, n})
	return n
}

// addrSensitive reports whether a value of type t is written differently
// when it is not addressable: t has a MarshalJSON or MarshalText method on
// its pointer only, or holds, in place (a struct field, an array element),
// a value of such a type. Pointers, slices and maps hold their elements
// elsewhere; encoding/json sees those addressable (slice elements, the
// target of a pointer) or plans them itself (map values).
func (p *planner) addrSensitive(t types.Type) bool {
	t = types.Unalias(t)
	if r, ok := p.addrs[t]; ok {
		return r
	}
	p.addrs[t] = false // a struct cannot hold itself in place; this ends any loop
	r := false
	if n, ok := t.(*types.Named); ok && n.TypeParams().Len() > 0 && n.TypeArgs().Len() == 0 {
		// A generic type's own function: its fields of fixed types
		// decide. Those of a type parameter take the dynamic path there
		// (the instantiations the package writes have functions of their
		// own, and their own variants).
		if st, ok := n.Underlying().(*types.Struct); ok {
			for i := range st.NumFields() {
				if p.addrSensitive(st.Field(i).Type()) {
					r = true
					break
				}
			}
		}
	} else if _, ok := t.(*types.TypeParam); ok {
		r = false
	} else if _, viaPtr, ok := marshalerKind(t, true); ok {
		r = viaPtr
	} else if n, ok := t.(*types.Named); ok && p.isEncodable(n) {
		r = false // its own JSONDumpEncode decides
	} else {
		switch u := t.Underlying().(type) {
		case *types.Array:
			r = p.addrSensitive(u.Elem())
		case *types.Struct:
			for i := range u.NumFields() {
				if p.addrSensitive(u.Field(i).Type()) {
					r = true
					break
				}
			}
		}
	}
	p.addrs[t] = r
	return r
}

// isEncodable reports whether t has encoding methods of its own (encodable).
func (p *planner) isEncodable(t *types.Named) bool {
	yes, _ := p.encodable(t, true)
	return yes
}

// typeKey identifies a named type, instances by their type arguments.
func typeKey(t types.Type) string { return types.TypeString(t, nil) }

// instances returns the specialized Named of each instantiation of the
// generic type t that the package writes with concrete type arguments, in
// the order of their spelling. The generic encode function dispatches to
// them, so that only instantiations made elsewhere take the dynamic path for
// their type-parameter values.
func (p *planner) instances(t *types.Named) []*Named {
	seen := map[string]*types.Named{}
	for _, inst := range p.pkg.TypesInfo.Instances {
		n, ok := inst.Type.(*types.Named)
		if !ok || n.Origin() != t || hasTypeParam(n) || !p.spellable(n) {
			continue
		}
		seen[typeKey(n)] = n
	}
	keys := make([]string, 0, len(seen))
	for k := range seen {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var out []*Named
	for _, k := range keys {
		out = append(out, p.namedFor(seen[k], false))
	}
	return out
}

// hasTypeParam reports whether a type argument of t mentions a type parameter.
func hasTypeParam(t *types.Named) bool {
	for i := range t.TypeArgs().Len() {
		if mentionsTypeParam(t.TypeArgs().At(i)) {
			return true
		}
	}
	return false
}

func mentionsTypeParam(t types.Type) bool {
	switch u := types.Unalias(t).(type) {
	case *types.TypeParam:
		return true
	case *types.Named:
		return hasTypeParam(u)
	case *types.Pointer:
		return mentionsTypeParam(u.Elem())
	case *types.Slice:
		return mentionsTypeParam(u.Elem())
	case *types.Array:
		return mentionsTypeParam(u.Elem())
	case *types.Map:
		return mentionsTypeParam(u.Key()) || mentionsTypeParam(u.Elem())
	case *types.Struct:
		for i := range u.NumFields() {
			if mentionsTypeParam(u.Field(i).Type()) {
				return true
			}
		}
	}
	return false
}

// spellable reports whether generated code in this package can name t:
// no unexported type or field of another package, and no interface other
// than any.
func (p *planner) spellable(t types.Type) bool {
	switch u := types.Unalias(t).(type) {
	case *types.Basic, *types.TypeParam:
		return true
	case *types.Named:
		if u.Obj().Pkg() != nil && u.Obj().Pkg().Path() != p.pkg.PkgPath && !u.Obj().Exported() {
			return false
		}
		for i := range u.TypeArgs().Len() {
			if !p.spellable(u.TypeArgs().At(i)) {
				return false
			}
		}
		return true
	case *types.Pointer:
		return p.spellable(u.Elem())
	case *types.Slice:
		return p.spellable(u.Elem())
	case *types.Array:
		return p.spellable(u.Elem())
	case *types.Map:
		return p.spellable(u.Key()) && p.spellable(u.Elem())
	case *types.Interface:
		return u.Empty()
	case *types.Struct:
		for i := range u.NumFields() {
			f := u.Field(i)
			if !f.Exported() && f.Pkg() != nil && f.Pkg().Path() != p.pkg.PkgPath || !p.spellable(f.Type()) {
				return false
			}
		}
		return true
	}
	return false
}

// typeParams spells the type parameters of a generic -type, with their
// constraints, for its encode function.
func (p *planner) typeParams(t *types.Named) []TypeParam {
	var out []TypeParam
	for i := range t.TypeParams().Len() {
		tp := t.TypeParams().At(i)
		c, ok := p.constraint(tp.Constraint())
		if !ok {
			p.errorf(tp.Obj().Pos(), "type %s: the constraint %s of %s cannot be spelled in generated code; use a named constraint or a union of exported types", t.Obj().Name(), typeString(tp.Constraint()), tp.Obj().Name())
		}
		if reservedName(tp.Obj().Name()) {
			p.errorf(tp.Obj().Pos(), "type %s: its type parameter %s has a name that generated code uses for its own variables (e, v, w, p, dst, opts, mark, i0, v1, z0, ...); rename it", t.Obj().Name(), tp.Obj().Name())
		}
		out = append(out, TypeParam{Name: tp.Obj().Name(), Constraint: c})
	}
	return out
}

// constraint spells a constraint: a named interface (comparable, cmp.Ordered,
// one of the package's), any, or an implicit union such as ~int | ~string.
func (p *planner) constraint(c types.Type) (*GoType, bool) {
	switch u := types.Unalias(c).(type) {
	case *types.Named:
		return p.goType(u, token.NoPos, ""), p.spellable(u)
	case *types.Interface:
		if u.Empty() {
			return &GoType{Iface: true}, true
		}
		if !u.IsImplicit() || u.NumEmbeddeds() != 1 {
			return nil, false
		}
		union, ok := u.EmbeddedType(0).(*types.Union)
		if !ok {
			// A single term: ~int, or a type.
			return p.constraint(types.NewInterfaceType(nil, []types.Type{types.NewUnion([]*types.Term{types.NewTerm(false, u.EmbeddedType(0))})}))
		}
		g := &GoType{}
		for i := range union.Len() {
			term := union.Term(i)
			if !p.spellable(term.Type()) {
				return nil, false
			}
			g.Union = append(g.Union, GoTerm{Tilde: term.Tilde(), Type: p.goType(term.Type(), token.NoPos, "")})
		}
		return g, true
	}
	return nil, false
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
	if k, viaPtr, ok := marshalerKind(t, addr); ok {
		v.Kind, v.Addr = k, viaPtr
		return v
	}
	if n, ok := t.(*types.Named); ok {
		if ok, viaPtr := p.encodable(n, addr); ok {
			v.Kind, v.Addr = Encodable, viaPtr
			return v
		}
		switch n.Underlying().(type) {
		case *types.Struct, *types.Slice, *types.Array, *types.Map:
			if !p.spellable(n) {
				p.errorf(pos, "%s: type %s cannot be named in generated code (it involves an unexported type or field of another package, or an interface with methods)", what, typeString(t))
				v.Kind = Unsupported
				return v
			}
			target := n
			if hasTypeParam(n) {
				// Page[T] inside a generic type: its generic function.
				target = n.Origin()
			}
			v.Kind = Ref
			if !addr && p.addrSensitive(target) {
				v.Ref = p.namedValueFor(target)
			} else {
				v.Ref = p.namedFor(target, false)
			}
			return v
		}
	}
	return p.underlying(t, addr, pos, what)
}

// marshaled returns the Value of a named type written by its own
// MarshalJSON or MarshalText method, or nil; addr says whether a method on
// the pointer counts.
func (p *planner) marshaled(t *types.Named, addr bool) *Value {
	k, viaPtr, ok := marshalerKind(t, addr)
	if !ok {
		return nil
	}
	return &Value{Type: p.goType(t, t.Obj().Pos(), t.Obj().Name()), TypeName: typeString(t), Kind: k, Addr: viaPtr}
}

// marshalerKind returns how t's own MarshalJSON or MarshalText writes it,
// MarshalJSON first as encoding/json checks them, when t has one that
// counts (a method on the pointer only when addr).
func marshalerKind(t types.Type, addr bool) (k Kind, viaPtr, ok bool) {
	if ok, viaPtr := implements(t, marshalJSON, addr); ok {
		return Marshaler, viaPtr, true
	}
	if ok, viaPtr := implements(t, marshalText, addr); ok {
		return TextMarshal, viaPtr, true
	}
	return 0, false, false
}

// encodable reports whether the named type t has encoding methods of its
// own (jsondumprt.Encodable): generated for another package, or written by
// hand. Earlier output for this package is loaded empty, so it never counts.
func (p *planner) encodable(t *types.Named, addr bool) (yes, viaPtr bool) {
	if t.Obj().Pkg() != nil && t.Obj().Pkg().Path() == p.pkg.PkgPath && t.TypeParams().Len() > 0 {
		return false, false
	}
	if t.TypeArgs().Len() > 0 && p.generatedElsewhere(t) && p.plannableHere(t) {
		// An instantiation of another package's generic type with
		// generated methods: its generated function knows only the
		// instantiations made there, and writes type-parameter values of
		// others through the dynamic path, which does not know most types
		// (*int, a named string). Planned here it is written exactly,
		// field by field. Hand-written methods are kept.
		return false, false
	}
	if !ownMethod(types.NewMethodSet(types.NewPointer(t)), t, "JSONDumpEncode") {
		return false, false
	}
	// Through a pointer either way: a value that is not addressable is
	// passed as a jsondumprt.Value[T], which the method writes as one.
	return true, addr
}

// generatedElsewhere reports whether t's JSONDumpEncode method was written
// by jsondumpgen: its file has the generated-code header. When the file
// cannot be read (positions from export data built with -trimpath name it
// relative to its module), it is taken as generated: hand-written encoders
// are rare.
func (p *planner) generatedElsewhere(t *types.Named) bool {
	o := t.Origin()
	sel := types.NewMethodSet(types.NewPointer(o)).Lookup(o.Obj().Pkg(), "JSONDumpEncode")
	if sel == nil {
		return false
	}
	path := p.pkg.Fset.PositionFor(sel.Obj().Pos(), false).Filename
	if f, err := os.Open(path); err == nil {
		f.Close()
		return isGenerated(path)
	}
	return true
}

// reservedName reports whether name is an identifier of generated functions
// and methods, which a type parameter of a type written here must not take:
// their parameters and results, "mark", and the loop and closure variables
// i0, v1, z0, ... of any depth.
func reservedName(name string) bool {
	switch name {
	case "e", "v", "w", "dst", "opts", "p", "mark":
		return true
	}
	if len(name) >= 2 && strings.ContainsRune("ivz", rune(name[0])) {
		for _, c := range name[1:] {
			if c < '0' || c > '9' {
				return false
			}
		}
		return true
	}
	return strings.HasPrefix(name, "_jsondump_")
}

// plannableHere reports whether an instantiation of another package's
// generic type can be written by code of this package: its JSON fields,
// embedded ones included, have types this package can name, and, when it
// is instantiated with type parameters (inside generic code, so that its
// generic origin would be written here), its origin's type parameters have
// constraints this package can spell and names generated code does not use.
func (p *planner) plannableHere(t *types.Named) bool {
	if !p.spellable(t) {
		return false
	}
	if hasTypeParam(t) {
		o := t.Origin()
		for i := range o.TypeParams().Len() {
			tp := o.TypeParams().At(i)
			if _, ok := p.constraint(tp.Constraint()); !ok || reservedName(tp.Obj().Name()) {
				return false
			}
		}
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return true // a map, slice or array: spellable says enough
	}
	return p.fieldsNameable(st, map[*types.Struct]bool{})
}

// fieldsNameable reports whether the exported fields of st, and those of its
// embedded structs, have types this package can name.
func (p *planner) fieldsNameable(st *types.Struct, seen map[*types.Struct]bool) bool {
	if seen[st] {
		return true
	}
	seen[st] = true
	for i := range st.NumFields() {
		f := st.Field(i)
		ft := types.Unalias(f.Type())
		if ptr, ok := ft.(*types.Pointer); ok {
			ft = types.Unalias(ptr.Elem())
		}
		tag := reflect.StructTag(st.Tag(i)).Get("json")
		name, opts, _ := strings.Cut(tag, ",")
		if f.Embedded() && !f.Exported() && f.Pkg() != nil && f.Pkg().Path() != p.pkg.PkgPath {
			// An unexported embedded struct of another package: reached
			// by promotion, but not through a pointer (no nil test can
			// be written) nor when a tag makes it a field of its own.
			if _, isPtr := types.Unalias(f.Type()).(*types.Pointer); isPtr || validTagName(name) {
				return false
			}
		}
		if f.Embedded() && !validTagName(name) {
			if inner, ok := ft.Underlying().(*types.Struct); ok {
				if !p.fieldsNameable(inner, seen) {
					return false
				}
				continue
			}
		}
		if f.Exported() && !p.spellable(f.Type()) {
			return false
		}
		if hasOpt(opts, "omitzero") && !types.Comparable(f.Type()) {
			// Its zero test may need unexported fields.
			return false
		}
	}
	return true
}

// ownMethod reports whether the method set has the method name declared on
// t itself. A method promoted from an embedded field does not count: the
// embedding type's other fields would be lost.
func ownMethod(mset *types.MethodSet, t *types.Named, name string) bool {
	sel := mset.Lookup(t.Obj().Pkg(), name)
	return sel != nil && len(sel.Index()) == 1
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
		if v.Elem.Kind != Encodable {
			// A type with its own JSONDumpEncode checks a *T for cycles
			// itself: checked here too, the pointer would be open twice
			// and a false "Circular reference detected".
			p.checks[v] = u.Elem()
		}
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
		v.Type = p.goType(u, pos, what) // spelled for its value type, named or not
		v.MapKey = p.mapKey(u.Key(), pos, what)
		v.Elem = p.value(u.Elem(), false, pos, what)
		p.checks[v] = u.Elem()
	case *types.Struct:
		// A named struct gets its own function; an anonymous one is written
		// inline where it appears.
		v.Kind = Struct
		v.Fields = p.structFields(u, what, addr)
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
// keys follow Python's rules (README's mapping).
func (p *planner) mapKey(k types.Type, pos token.Pos, what string) MapKey {
	if b, ok := k.Underlying().(*types.Basic); ok {
		switch {
		case b.Kind() == types.String:
			return KeyString
		}
	}
	if ok, _ := implements(k, marshalText, false); ok {
		if b, ok := k.Underlying().(*types.Basic); ok && b.Info()&types.IsOrdered != 0 {
			return KeyTextOrdered
		}
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
		if _, _, ok := marshalerKind(n, true); ok {
			return false
		}
		stack[n] = true
		r := p.canCycle(n.Underlying(), stack)
		delete(stack, n)
		p.cycle[n] = r
		return r
	}
	switch u := t.(type) {
	case *types.Interface, *types.TypeParam:
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
		if u.TypeArgs().Len() > 0 {
			for i := range u.TypeArgs().Len() {
				g.TypeArgs = append(g.TypeArgs, p.goType(u.TypeArgs().At(i), pos, what))
			}
		} else {
			for i := range u.TypeParams().Len() {
				g.TypeArgs = append(g.TypeArgs, &GoType{Name: u.TypeParams().At(i).Obj().Name()})
			}
		}
		return g
	case *types.TypeParam:
		return &GoType{Name: u.Obj().Name()}
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
