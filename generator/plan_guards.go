package generator

import (
	"go/build"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"
)

// Guards: generated code must stop compiling when a type it was made from
// changed, as stringer's `_ = x[A-0]` stops compiling when a constant
// changed, or a field added to a struct would silently be left out of its
// JSON. Every type the plan writes by its declaration (a struct field by
// field, a named slice, map or basic type by its kind) gets a guardPlan
// (plan.go); the compiler's message then names the alias
// jsondumpgen_T_changed__run_go_generate. Types of the standard library
// get none: Go's compatibility promise keeps their exported fields, and
// their unexported ones differ between the Go releases a module may be
// built with.

// guard notes that the file depends on the declaration of t.
func (p *planner) guard(t types.Type) {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || isStd(n.Obj().Pkg().Path()) || hasTypeParam(n) && n.TypeArgs().Len() > 0 {
		return
	}
	key := typeKey(n)
	if p.guarded[key] {
		return
	}
	p.guarded[key] = true
	p.guards = append(p.guards, n)
}

// planGuard decides how to check t, or returns nil when t needs no check
// (an interface) or cannot be checked from here.
func (p *planner) planGuard(t *types.Named) *guardPlan {
	generic := t.TypeParams().Len() > 0 && t.TypeArgs().Len() == 0
	if t.TypeArgs().Len() > 0 && p.guarded[typeKey(t.Origin())] {
		return nil // the generic type's own guard checks every instance
	}
	name := types.TypeString(t, p.qualifier) // Page[int], models.User
	if generic {
		name = t.Obj().Name()
	}
	g := &guardPlan{
		Type: p.goType(t, token.NoPos, ""),
		Hint: "jsondumpgen_" + identPart(name, true) + "_changed__run_go_generate",
	}
	if generic {
		for i := range t.TypeParams().Len() {
			tp := t.TypeParams().At(i)
			c, ok := p.constraint(tp.Constraint())
			if !ok {
				return nil
			}
			g.TypeParams = append(g.TypeParams, typeParam{Name: tp.Obj().Name(), Constraint: c})
		}
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		if u.Kind() == types.UnsafePointer {
			return nil
		}
		g.Form, g.Under = guardConvert, &typeExpr{Name: u.Name()}
	case *types.Slice, *types.Map, *types.Pointer, *types.Array:
		if !p.spellable(u) {
			return nil
		}
		_, isArray := u.(*types.Array)
		g.Form, g.Under, g.Nil = guardAssign, p.goType(u, token.NoPos, ""), !isArray
	case *types.Struct:
		if p.spellable(u) {
			g.Form, g.Under = guardAssign, p.goType(u, token.NoPos, "")
			break
		}
		if generic {
			return nil // its size is not a constant
		}
		g.Form = guardLayout
		layout := &typeExpr{Struct: true}
		for i := range u.NumFields() {
			f := u.Field(i)
			nameable := f.Name() != "_" && (f.Exported() || f.Pkg() != nil && f.Pkg().Path() == p.pkg.PkgPath)
			spelled := p.spellable(f.Type())
			var ft *typeExpr
			if spelled {
				ft = p.goType(f.Type(), token.NoPos, "")
			} else {
				ft = p.layoutType(f.Type())
			}
			if !nameable {
				layout.Fields = append(layout.Fields, fieldExpr{Name: "_", Type: ft})
				continue
			}
			// A field of its own, even when embedded in T: the layout
			// needs its offset, not its promoted fields.
			layout.Fields = append(layout.Fields, fieldExpr{Name: f.Name(), Type: ft})
			gf := guardField{Name: f.Name()}
			if spelled {
				gf.Type = ft
			}
			g.Fields = append(g.Fields, gf)
		}
		g.Layout = layout
		p.importPath("unsafe", "unsafe")
	default:
		return nil
	}
	return g
}

// layoutType spells a type of the same size and alignment as t, for a
// field the package cannot name the type of: t itself when it can, else a
// type of the same shape (a pointer, map, chan or func is a pointer; an
// interface, any; a slice, []byte; a struct, its fields' layouts).
func (p *planner) layoutType(t types.Type) *typeExpr {
	if p.spellable(t) {
		return p.goType(t, token.NoPos, "")
	}
	unsafePtr := func() *typeExpr {
		p.importPath("unsafe", "unsafe")
		return &typeExpr{Path: "unsafe", Name: "Pointer"}
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		if u.Kind() == types.UnsafePointer {
			return unsafePtr()
		}
		return &typeExpr{Name: u.Name()}
	case *types.Pointer, *types.Map, *types.Chan, *types.Signature:
		return unsafePtr()
	case *types.Interface:
		return &typeExpr{Iface: true}
	case *types.Slice:
		return &typeExpr{Slice: true, Elem: &typeExpr{Name: "byte"}}
	case *types.Array:
		return &typeExpr{Array: true, Len: u.Len(), Elem: p.layoutType(u.Elem())}
	case *types.Struct:
		g := &typeExpr{Struct: true}
		for i := range u.NumFields() {
			g.Fields = append(g.Fields, fieldExpr{Name: "_", Type: p.layoutType(u.Field(i).Type())})
		}
		return g
	}
	return &typeExpr{Iface: true} // not reached: every type has one of those underlying types
}

// isStd reports whether path is a package of the standard library: its
// first element has no dot, and GOROOT holds it.
func isStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	if strings.Contains(first, ".") {
		return false
	}
	fi, err := os.Stat(filepath.Join(build.Default.GOROOT, "src", path))
	return err == nil && fi.IsDir()
}

// importable reports whether a package of this module's package at from
// may import the package at path: not an internal package of another tree.
func importable(from, path string) bool {
	i := strings.LastIndex(path, "/internal/")
	switch {
	case i >= 0:
	case strings.HasSuffix(path, "/internal"):
		i = len(path) - len("/internal")
	case path == "internal" || strings.HasPrefix(path, "internal/"):
		return false // the standard library's
	default:
		return true
	}
	parent := path[:i]
	return from == parent || strings.HasPrefix(from, parent+"/")
}

// lockerType is sync.Locker, built here: Lock() and Unlock().
var lockerType = func() *types.Interface {
	sig := types.NewSignatureType(nil, nil, nil, nil, nil, false)
	it := types.NewInterfaceType([]*types.Func{
		types.NewFunc(token.NoPos, nil, "Lock", sig),
		types.NewFunc(token.NoPos, nil, "Unlock", sig),
	}, nil)
	it.Complete()
	return it
}()

// holdsLock reports whether a value of type t holds a lock in place, as go
// vet's copylocks analyzer decides it (its lockPath): a struct whose
// pointer is a sync.Locker and whose value is not (sync.Mutex, and the
// sync/atomic types through their noCopy field), sync.noCopy, or a struct
// or array holding one; for a type parameter, a term of its constraint
// that holds one. Pointers, slices, maps and interfaces are safe to copy.
func (p *planner) holdsLock(t types.Type) bool {
	if r, ok := p.locks[t]; ok {
		return r
	}
	p.locks[t] = false // a type cannot hold itself in place; this ends any loop
	r := false
	if tp, ok := types.Unalias(t).(*types.TypeParam); ok {
		if iface, ok := tp.Constraint().Underlying().(*types.Interface); ok {
			for i := range iface.NumEmbeddeds() {
				switch e := iface.EmbeddedType(i).(type) {
				case *types.Union:
					for j := range e.Len() {
						r = r || p.holdsLock(e.Term(j).Type())
					}
				default:
					r = r || p.holdsLock(e)
				}
			}
		}
	} else {
		switch u := t.Underlying().(type) {
		case *types.Array:
			r = p.holdsLock(u.Elem())
		case *types.Struct:
			if types.Implements(types.NewPointer(t), lockerType) && !types.Implements(t, lockerType) || namedPath(t) == "sync.noCopy" {
				r = true
				break
			}
			for i := range u.NumFields() {
				if p.holdsLock(u.Field(i).Type()) {
					r = true
					break
				}
			}
		}
	}
	p.locks[t] = r
	return r
}
