package generator

import (
	"go/token"
	"go/types"
	"os"
	"path/filepath"
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
	named map[string]*namedType // by the type's full spelling (typeKey)
	queue []queued              // named types whose valuePlan is not planned yet
	first string                // the first -type, prefix of helper function names
	names map[string]bool       // encode function names taken (plan_names.go)
	diags DiagnosticList
	warns []Diagnostic
	cycle map[types.Type]bool // canCycle memo
	addrs map[types.Type]bool // addrSensitive memo
	// checks are the Pointer, Slice and Map values with the element type
	// whose cycles decide valuePlan.Check, resolved once all types are known.
	checks map[*valuePlan]types.Type

	pkgNames map[string]token.Position // the package's own names (packageNames)
	imports  map[string]string         // path -> package name of every package spelled
	locks    map[types.Type]bool       // holdsLock memo
	guarded  map[string]bool           // typeKey of the types in guards
	guards   []*types.Named            // the types to guard, in plan order
	promised map[string]bool           // "path.Name" of the types other packages' go:generate lines name (view)
	awaited  []string                  // promised types used before their methods exist (filePlan.awaited)
	tparams  []*typeExpr               // every spelling of a type parameter, which chooseNames may rename
}

// stackSizes are the sizes the planner assumes for a decision that only
// needs to be about right (whether a value is large): those of amd64, the
// same on every machine, so that the output depends on the input alone.
var stackSizes = types.SizesFor("gc", "amd64")

// maxStackCopy is the largest T whose value, copied out of an any, goes on
// the stack. A T value nested in a T through any fields costs a copy per
// level; above 1 KiB the copy goes to the heap, so that the stack a level
// takes stays small whatever the type (see jsondumprt.MaxMaxDepth).
const maxStackCopy = 1 << 10

// plan builds the filePlan for the root types, following every named type they
// reach through a worklist.
func plan(pkg *packages.Package, roots []*types.TypeName, promised map[string]bool) (*filePlan, error) {
	p := &planner{
		pkg:      pkg,
		named:    map[string]*namedType{},
		names:    map[string]bool{},
		cycle:    map[types.Type]bool{},
		addrs:    map[types.Type]bool{},
		checks:   map[*valuePlan]types.Type{},
		pkgNames: packageNames(pkg),
		imports:  map[string]string{},
		locks:    map[types.Type]bool{},
		guarded:  map[string]bool{},
		promised: promised,
	}
	out := &filePlan{PkgPath: pkg.PkgPath, PkgName: pkg.Name}
	if len(roots) > 0 {
		p.first = roots[0].Name()
	}
	// The package-level names the file declares (functions, key
	// variables) are none of the package's, nor a type parameter of its
	// generic types, which would shadow them inside generic functions.
	for name := range p.pkgNames {
		p.names[name] = true
	}
	for _, name := range pkg.Types.Scope().Names() {
		if tn, ok := pkg.Types.Scope().Lookup(name).(*types.TypeName); ok {
			if n, ok := tn.Type().(*types.Named); ok {
				for i := range n.TypeParams().Len() {
					p.names[n.TypeParams().At(i).Obj().Name()] = true
				}
			}
		}
	}
	for _, name := range usedPredeclared {
		if pos, ok := p.pkgNames[name]; ok {
			if out.shadowed == nil {
				out.shadowed = map[string]token.Position{}
			}
			out.shadowed[name] = pos
		}
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
		if _, _, ok := marshalerKind(t, true); !ok {
			p.guard(t) // the -types' guards first
		}
		n.Root = true
		n.AnyFunc = p.reserveName(n.Func + "_any")
		n.AnyValueFunc = p.reserveName(n.Func + "_anyvalue")
		n.SizeVar = p.reserveName(n.Func + "_size")
		n.HeapCopy = t.TypeParams().Len() > 0 || stackSizes.Sizeof(t) > maxStackCopy
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
	p.warnPromotion(roots)
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
		if n.Value.Kind != kindMarshaler && n.Value.Kind != kindTextMarshal {
			p.guard(t) // written by its declaration: the file depends on it
		}
		if n.Root && n.Value.Kind == kindUnsupported {
			p.errorf(t.Obj().Pos(), "type %s: its underlying type %s has no JSON form; -type takes structs, slices, arrays, maps and basic types", t.Obj().Name(), typeString(t.Underlying()))
		}
	}
	for v, elem := range p.checks {
		v.Check = p.canCycle(elem, map[types.Type]bool{})
	}
	out.Named = p.order()
	for _, t := range p.guards {
		if g := p.planGuard(t); g != nil {
			out.Guards = append(out.Guards, g)
		}
	}
	if len(p.diags) > 0 {
		return nil, p.diags
	}
	p.chooseNames(out)
	p.nameKeys(out)
	out.Warns = p.warns
	out.awaited = p.awaited
	return out, nil
}

// order lists the named types in the order they were first reached.
func (p *planner) order() []*namedType {
	out := make([]*namedType, len(p.named))
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

// namedFor returns the namedType of t, queueing it the first time; root says
// whether t is a -type (whose function name has no prefix).
func (p *planner) namedFor(t *types.Named, root bool) *namedType {
	key := typeKey(t)
	if n, ok := p.named[key]; ok {
		return n
	}
	obj := t.Obj()
	n := &namedType{
		Name:     obj.Name(),
		TypeName: typeString(t),
		Func:     p.funcName(t, root),
		Type:     p.goType(t, obj.Pos(), obj.Name()),
		Lock:     p.holdsLock(t),
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
	n *namedType
}

// instanceType returns the instantiated type a namedType of plan order was made
// for, or nil.
func (p *planner) instanceType(n *namedType) *types.Named {
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

// namedValueFor returns the NotAddr variant of t (see namedType.NotAddr),
// queueing it the first time. Its function is named after t's.
func (p *planner) namedValueFor(t *types.Named) *namedType {
	key := typeKey(t) + " (not addressable)"
	if n, ok := p.named[key]; ok {
		return n
	}
	base := p.namedFor(t, false)
	n := &namedType{
		Name:     base.Name,
		TypeName: base.TypeName,
		Func:     p.reserveName(base.Func + "_value"),
		Type:     base.Type,
		Lock:     base.Lock,
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

// instances returns the specialized namedType of each instantiation of the
// generic type t that the package writes with concrete type arguments, in
// the order of their spelling. The generic encode function dispatches to
// them, so that only instantiations made elsewhere take the dynamic path for
// their type-parameter values.
func (p *planner) instances(t *types.Named) []*namedType {
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
	var out []*namedType
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
// no unexported type or field of another package, no type of another
// module's internal package, and no unexported method of another package
// in an interface type (func, chan and interface types are spelled too).
func (p *planner) spellable(t types.Type) bool {
	switch u := types.Unalias(t).(type) {
	case *types.Basic, *types.TypeParam:
		return true
	case *types.Named:
		if pkg := u.Obj().Pkg(); pkg != nil && pkg.Path() != p.pkg.PkgPath && (!u.Obj().Exported() || !importable(p.pkg.PkgPath, pkg.Path())) {
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
	case *types.Chan:
		return p.spellable(u.Elem())
	case *types.Signature:
		if u.TypeParams().Len() > 0 {
			return false
		}
		for _, tuple := range []*types.Tuple{u.Params(), u.Results()} {
			for i := range tuple.Len() {
				if !p.spellable(tuple.At(i).Type()) {
					return false
				}
			}
		}
		return true
	case *types.Interface:
		if u.IsImplicit() || !u.IsMethodSet() {
			return false // a constraint: no value has this type
		}
		for i := range u.NumExplicitMethods() {
			m := u.ExplicitMethod(i)
			if !m.Exported() && m.Pkg() != nil && m.Pkg().Path() != p.pkg.PkgPath || !p.spellable(m.Type()) {
				return false
			}
		}
		for i := range u.NumEmbeddeds() {
			if !p.spellable(u.EmbeddedType(i)) {
				return false
			}
		}
		return true
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
func (p *planner) typeParams(t *types.Named) []typeParam {
	var out []typeParam
	for i := range t.TypeParams().Len() {
		tp := t.TypeParams().At(i)
		c, ok := p.constraint(tp.Constraint())
		if !ok {
			p.errorf(tp.Obj().Pos(), "type %s: the constraint %s of %s cannot be spelled in generated code; use a named constraint or a union of exported types", t.Obj().Name(), typeString(tp.Constraint()), tp.Obj().Name())
		}
		out = append(out, typeParam{Name: tp.Obj().Name(), Constraint: c})
	}
	return out
}

// constraint spells a constraint: a named interface (comparable, cmp.Ordered,
// one of the package's), any, or an implicit union such as ~int | ~string.
func (p *planner) constraint(c types.Type) (*typeExpr, bool) {
	switch u := types.Unalias(c).(type) {
	case *types.Named:
		return p.goType(u, token.NoPos, ""), p.spellable(u)
	case *types.Interface:
		if u.Empty() {
			return &typeExpr{Iface: true}, true
		}
		if !u.IsImplicit() || u.NumEmbeddeds() != 1 {
			return nil, false
		}
		union, ok := u.EmbeddedType(0).(*types.Union)
		if !ok {
			// A single term: ~int, or a type.
			return p.constraint(types.NewInterfaceType(nil, []types.Type{types.NewUnion([]*types.Term{types.NewTerm(false, u.EmbeddedType(0))})}))
		}
		g := &typeExpr{}
		for i := range union.Len() {
			term := union.Term(i)
			if !p.spellable(term.Type()) {
				return nil, false
			}
			g.Union = append(g.Union, termExpr{Tilde: term.Tilde(), Type: p.goType(term.Type(), token.NoPos, "")})
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
func (p *planner) value(t types.Type, addr bool, pos token.Pos, what string) *valuePlan {
	t = types.Unalias(t)
	v := &valuePlan{Type: p.goType(t, pos, what), TypeName: typeString(t), Lock: p.holdsLock(t)}
	switch namedPath(t) {
	case runtimePath + ".Dict":
		// jsondump.Dict, an alias of it: a dict of its items, not the
		// list of structs its underlying type would make.
		v.Kind = kindDict
		return v
	case "encoding/json.RawMessage":
		v.Kind = kindRawMessage
		return v
	case "encoding/json.Number":
		v.Kind = kindNumber
		return v
	case "math/big.Int":
		if addr {
			v.Kind, v.Addr = kindBigInt, true
			return v
		}
	}
	if ptr, ok := t.(*types.Pointer); ok && namedPath(ptr.Elem()) == "math/big.Int" {
		v.Kind = kindBigInt
		return v
	}
	if k, viaPtr, ok := marshalerKind(t, addr); ok {
		v.Kind, v.Addr = k, viaPtr
		return v
	}
	if n, ok := t.(*types.Named); ok {
		if ok, viaPtr := p.encodable(n, addr); ok {
			v.Kind, v.Addr = kindEncodable, viaPtr
			return v
		}
		switch n.Underlying().(type) {
		case *types.Struct, *types.Slice, *types.Array, *types.Map:
			if !p.spellable(n) {
				p.errorf(pos, "%s: type %s cannot be named in generated code (it involves an unexported type, field or method of another package)", what, typeString(t))
				v.Kind = kindUnsupported
				return v
			}
			target := n
			if hasTypeParam(n) {
				// Page[T] inside a generic type: its generic function.
				target = n.Origin()
			}
			v.Kind = kindRef
			if !addr && p.addrSensitive(target) {
				v.Ref = p.namedValueFor(target)
			} else {
				v.Ref = p.namedFor(target, false)
			}
			return v
		}
		p.guard(n) // a named basic or pointer type, written by its kind
	}
	return p.underlying(t, addr, pos, what)
}

// marshaled returns the valuePlan of a named type written by its own
// MarshalJSON or MarshalText method, or nil; addr says whether a method on
// the pointer counts.
func (p *planner) marshaled(t *types.Named, addr bool) *valuePlan {
	k, viaPtr, ok := marshalerKind(t, addr)
	if !ok {
		return nil
	}
	return &valuePlan{Type: p.goType(t, t.Obj().Pos(), t.Obj().Name()), TypeName: typeString(t), Kind: k, Addr: viaPtr, Lock: p.holdsLock(t)}
}

// marshalerKind returns how t's own MarshalJSON or MarshalText writes it,
// MarshalJSON first as encoding/json checks them, when t has one that
// counts (a method on the pointer only when addr).
func marshalerKind(t types.Type, addr bool) (k kind, viaPtr, ok bool) {
	if ok, viaPtr := implements(t, marshalJSON, addr); ok {
		return kindMarshaler, viaPtr, true
	}
	if ok, viaPtr := implements(t, marshalText, addr); ok {
		return kindTextMarshal, viaPtr, true
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
		if !p.promised[namedPath(t.Origin())] {
			return false, false
		}
		// Its go:generate line has not run yet, or its output was
		// left out (view): written through the method all the same,
		// so that this file does not depend on the order of go generate.
		if name, _, _ := strings.Cut(typeString(t), "["); !slices.Contains(p.awaited, name) {
			p.awaited = append(p.awaited, name)
		}
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
		return p.promised[namedPath(o)]
	}
	path := p.pkg.Fset.PositionFor(sel.Obj().Pos(), false).Filename
	if f, err := os.Open(path); err == nil {
		f.Close()
		return isGenerated(path)
	}
	return true
}

// plannableHere reports whether an instantiation of another package's
// generic type can be written by code of this package: its JSON fields,
// embedded ones included, have types this package can name, and, when it
// is instantiated with type parameters (inside generic code, so that its
// generic origin would be written here), its origin's type parameters have
// constraints this package can spell.
func (p *planner) plannableHere(t *types.Named) bool {
	if !p.spellable(t) {
		return false
	}
	if hasTypeParam(t) {
		o := t.Origin()
		for i := range o.TypeParams().Len() {
			tp := o.TypeParams().At(i)
			if _, ok := p.constraint(tp.Constraint()); !ok {
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
func (p *planner) underlying(t types.Type, addr bool, pos token.Pos, what string) *valuePlan {
	v := &valuePlan{Type: p.goType(t, pos, what), TypeName: typeString(t), Lock: p.holdsLock(t)}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Kind() == types.Bool:
			v.Kind = kindBool
		case u.Info()&types.IsInteger != 0 && u.Info()&types.IsUnsigned != 0:
			v.Kind = kindUint
		case u.Info()&types.IsInteger != 0:
			v.Kind = kindInt
		case u.Kind() == types.Float32:
			v.Kind = kindFloat32
		case u.Kind() == types.Float64:
			v.Kind = kindFloat64
		case u.Kind() == types.String:
			v.Kind = kindString
		default: // complex, unsafe.Pointer
			p.unsupported(v, pos, what, t)
		}
	case *types.Pointer:
		v.Kind = kindPointer
		v.Elem = p.value(u.Elem(), true, pos, what)
		if v.Elem.Kind != kindEncodable {
			// A type with its own JSONDumpEncode checks a *T for cycles
			// itself: checked here too, the pointer would be open twice
			// and a false "Circular reference detected".
			p.checks[v] = u.Elem()
		}
	case *types.Slice:
		if b, ok := types.Unalias(u.Elem()).(*types.Basic); ok && b.Kind() == types.Byte {
			v.Kind = kindBytes
			return v
		}
		if isByteKind(u.Elem()) {
			p.guard(u.Elem()) // a named byte kind: its kind makes the base64
			// As encoding/json: base64, unless the element type has its
			// own JSON or text form.
			mj, _ := implements(u.Elem(), marshalJSON, true)
			mt, _ := implements(u.Elem(), marshalText, true)
			if !mj && !mt {
				v.Kind = kindBytes
				return v
			}
		}
		v.Kind = kindSlice
		v.Elem = p.value(u.Elem(), true, pos, what)
		p.checks[v] = u.Elem()
	case *types.Array:
		v.Kind = kindArray
		v.Elem = p.value(u.Elem(), addr, pos, what)
	case *types.Map:
		v.Kind = kindMap
		v.Type = p.goType(u, pos, what) // spelled for its value type, named or not
		v.MapKey = p.mapKey(u.Key(), pos, what)
		v.Elem = p.value(u.Elem(), false, pos, what)
		p.checks[v] = u.Elem()
	case *types.Struct:
		// A named struct gets its own function; an anonymous one is written
		// inline where it appears.
		v.Kind = kindStruct
		v.Fields = p.structFields(u, what, addr)
		v.Sorted = sortedFields(v.Fields)
	case *types.Interface:
		v.Kind = kindAny
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
func (p *planner) unsupported(v *valuePlan, pos token.Pos, what string, t types.Type) {
	v.Kind = kindUnsupported
	p.warnf(pos, "%s: type %s has no JSON equivalent; it is passed to the Default hook at run time; tag it json:\"-\" or give it a MarshalJSON method", what, typeString(t))
}

// mapKey chooses the runtime map function by the key type, in encoding/json's
// order (string kind first, then TextMarshaler, then numbers); float and bool
// keys follow Python's rules (README's mapping).
func (p *planner) mapKey(k types.Type, pos token.Pos, what string) mapKeyKind {
	if ok, _ := implements(k, marshalText, false); !ok {
		p.guard(k) // its kind chooses the map function
	}
	if b, ok := k.Underlying().(*types.Basic); ok {
		switch {
		case b.Kind() == types.String:
			return keyString
		}
	}
	if ok, _ := implements(k, marshalText, false); ok {
		if b, ok := k.Underlying().(*types.Basic); ok && b.Info()&types.IsOrdered != 0 {
			return keyTextOrdered
		}
		return keyText
	}
	if b, ok := k.Underlying().(*types.Basic); ok {
		switch {
		case b.Info()&types.IsInteger != 0 && b.Info()&types.IsUnsigned != 0:
			return keyUint
		case b.Info()&types.IsInteger != 0:
			return keyInt
		case b.Kind() == types.Float64:
			return keyFloat64
		case b.Kind() == types.Float32:
			return keyFloat32
		case b.Kind() == types.Bool:
			return keyBool
		}
	}
	if _, ok := k.Underlying().(*types.Interface); ok {
		return keyAny
	}
	// Any other key (a struct, an array, a pointer, a complex number) is
	// not a Python key: the map is Python's TypeError at run time, unless
	// SkipKeys drops its members.
	p.warnf(pos, "%s: map key type %s is not a JSON key (str, int, float, bool or None): encoding a non-empty map fails unless SkipKeys is on", what, typeString(k))
	return keyAny
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
func (p *planner) goType(t types.Type, pos token.Pos, what string) *typeExpr {
	switch u := types.Unalias(t).(type) {
	case *types.Named:
		g := &typeExpr{Name: u.Obj().Name()}
		if u.Obj().Pkg() != nil {
			g.Path = u.Obj().Pkg().Path()
			p.importPath(g.Path, u.Obj().Pkg().Name())
		}
		if u.TypeArgs().Len() > 0 {
			for i := range u.TypeArgs().Len() {
				g.TypeArgs = append(g.TypeArgs, p.goType(u.TypeArgs().At(i), pos, what))
			}
		} else {
			for i := range u.TypeParams().Len() {
				g.TypeArgs = append(g.TypeArgs, p.goType(u.TypeParams().At(i), pos, what))
			}
		}
		return g
	case *types.TypeParam:
		g := &typeExpr{Name: u.Obj().Name()}
		p.tparams = append(p.tparams, g) // chooseNames may rename it
		return g
	case *types.Basic:
		if u.Kind() == types.UnsafePointer {
			p.importPath("unsafe", "unsafe")
			return &typeExpr{Path: "unsafe", Name: "Pointer"}
		}
		return &typeExpr{Name: u.Name()}
	case *types.Pointer:
		return &typeExpr{Ptr: true, Elem: p.goType(u.Elem(), pos, what)}
	case *types.Slice:
		return &typeExpr{Slice: true, Elem: p.goType(u.Elem(), pos, what)}
	case *types.Array:
		return &typeExpr{Array: true, Len: u.Len(), Elem: p.goType(u.Elem(), pos, what)}
	case *types.Map:
		return &typeExpr{Map: true, Key: p.goType(u.Key(), pos, what), Elem: p.goType(u.Elem(), pos, what)}
	case *types.Interface:
		g := &typeExpr{Iface: true}
		for i := range u.NumEmbeddeds() {
			g.Embeds = append(g.Embeds, p.goType(u.EmbeddedType(i), pos, what))
		}
		for i := range u.NumExplicitMethods() {
			m := u.ExplicitMethod(i)
			g.Methods = append(g.Methods, methodExpr{Name: m.Name(), Func: p.goType(m.Type(), pos, what)})
		}
		return g
	case *types.Signature:
		g := &typeExpr{Func: true, Variadic: u.Variadic()}
		for i := range u.Params().Len() {
			g.Params = append(g.Params, p.goType(u.Params().At(i).Type(), pos, what))
		}
		for i := range u.Results().Len() {
			g.Results = append(g.Results, p.goType(u.Results().At(i).Type(), pos, what))
		}
		return g
	case *types.Chan:
		dir := chanBoth
		switch u.Dir() {
		case types.SendOnly:
			dir = chanSend
		case types.RecvOnly:
			dir = chanRecv
		}
		return &typeExpr{Chan: true, Dir: dir, Elem: p.goType(u.Elem(), pos, what)}
	case *types.Struct:
		g := &typeExpr{Struct: true}
		for i := range u.NumFields() {
			f := u.Field(i)
			if !f.Exported() && f.Pkg() != nil && f.Pkg().Path() != p.pkg.PkgPath {
				// Spelled nowhere unless it is a map's value type.
				return &typeExpr{Name: "_unsupported"}
			}
			ft := p.goType(f.Type(), pos, what)
			if f.Embedded() {
				ft = p.embeddedType(f.Type(), pos, what)
			}
			g.Fields = append(g.Fields, fieldExpr{Name: f.Name(), Embedded: f.Embedded(), Tag: u.Tag(i), Type: ft})
		}
		return g
	}
	// Spelled nowhere unless it is a map's value type; planning reports it
	// there (mapValueSpellable).
	return &typeExpr{Name: "_unsupported"}
}

// warnPromotion warns, at its declaration, of each type of the package
// that embeds a -type and so gets its Dumps, AppendDumps and Dump by
// promotion, which write only the embedded value: w.Dumps() silently
// leaves out w's other fields. A type that a jsondumpgen go:generate line
// of the package names gets methods of its own, and no warning. Under
// -strict the warning is an error.
func (p *planner) warnPromotion(roots []*types.TypeName) {
	isRoot := map[*types.TypeName]bool{}
	for _, r := range roots {
		isRoot[r] = true
	}
	generated := map[string]bool{}
	dir := p.pkg.Dir
	if dir == "" && len(p.pkg.GoFiles) > 0 {
		dir = filepath.Dir(p.pkg.GoFiles[0])
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	for _, f := range files {
		for _, name := range generateDirectiveTypes(f) {
			generated[name] = true
		}
	}
	scope := p.pkg.Types.Scope()
	var objs []*types.TypeName
	for _, name := range scope.Names() {
		if obj, ok := scope.Lookup(name).(*types.TypeName); ok {
			objs = append(objs, obj)
		}
	}
	// In the order of their declarations, as the compiler reports.
	slices.SortFunc(objs, func(a, b *types.TypeName) int {
		pa, pb := p.pkg.Fset.Position(a.Pos()), p.pkg.Fset.Position(b.Pos())
		if c := strings.Compare(pa.Filename, pb.Filename); c != 0 {
			return c
		}
		return pa.Offset - pb.Offset
	})
	for _, obj := range objs {
		name := obj.Name()
		if obj.IsAlias() || isRoot[obj] || generated[name] {
			continue
		}
		w, ok := obj.Type().(*types.Named)
		if !ok {
			continue
		}
		if r := p.promotedRoot(w, isRoot); r != nil {
			p.warnf(obj.Pos(), "type %s embeds %s and gets its Dumps, AppendDumps and Dump by promotion, which write %s's fields only; add %s to -type (-type=%s,%s) so that it has methods of its own",
				name, r.Name(), r.Name(), name, r.Name(), name)
		}
	}
}

// promotedRoot returns the -type whose generated methods Go promotes to w
// through its embedded fields, or nil: the -type embedded at the shallowest
// depth, alone at that depth (two are ambiguous, and neither is promoted),
// and no field or method named Dumps of w's own above it.
func (p *planner) promotedRoot(w *types.Named, isRoot map[*types.TypeName]bool) *types.TypeName {
	level := []types.Type{w}
	seen := map[types.Type]bool{}
	for depth := 1; len(level) > 0; depth++ {
		var found []*types.TypeName
		var next []types.Type
		for _, t := range level {
			st, ok := t.Underlying().(*types.Struct)
			if !ok || seen[t] {
				continue
			}
			seen[t] = true
			for i := range st.NumFields() {
				f := st.Field(i)
				if !f.Embedded() {
					continue
				}
				ft := types.Unalias(f.Type())
				if ptr, ok := ft.(*types.Pointer); ok {
					ft = types.Unalias(ptr.Elem())
				}
				if n, ok := ft.(*types.Named); ok && isRoot[n.Origin().Obj()] {
					found = append(found, n.Origin().Obj())
					continue
				}
				next = append(next, ft)
			}
		}
		switch {
		case len(found) > 1:
			return nil
		case len(found) == 1:
			if obj, index, _ := types.LookupFieldOrMethod(types.NewPointer(w), true, p.pkg.Types, "Dumps"); obj != nil && len(index) <= depth {
				return nil // w's own Dumps, or a field of that name, comes first
			}
			return found[0]
		}
		level = next
	}
	return nil
}

// embeddedType spells the type of an embedded field as it is declared: an
// alias by its own name, which is the field's name (struct{ AliasInt } is
// not struct{ int }), then the type it stands for.
func (p *planner) embeddedType(t types.Type, pos token.Pos, what string) *typeExpr {
	switch u := t.(type) {
	case *types.Pointer:
		return &typeExpr{Ptr: true, Elem: p.embeddedType(u.Elem(), pos, what)}
	case *types.Alias:
		g := &typeExpr{Name: u.Obj().Name()}
		if pkg := u.Obj().Pkg(); pkg != nil {
			g.Path = pkg.Path()
			p.importPath(g.Path, pkg.Name())
		}
		for i := range u.TypeArgs().Len() {
			g.TypeArgs = append(g.TypeArgs, p.goType(u.TypeArgs().At(i), pos, what))
		}
		return g
	}
	return p.goType(t, pos, what)
}
