package generator

import (
	"cmp"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"
	"unicode"

	"github.com/jsondump/jsondump"
)

// A candidate is a struct field seen while walking embedded structs, before
// the dominant-field rules choose among fields of the same name.
type candidate struct {
	name      string
	tagged    bool  // the name came from a tag
	index     []int // field indexes from the outer struct
	path      []pathStep
	v         *types.Var
	quoted    bool
	omitEmpty bool
	omitZero  bool
}

// An embedded is a struct to walk at the next depth.
type embedded struct {
	st    *types.Struct
	key   types.Type // identity of the struct's type, for visited/count
	index []int
	path  []pathStep
}

// structFields returns the fields of a struct in output order by the rules
// of encoding/json (encode.go, typeFields), reimplemented on go/types:
//
//   - unexported fields are left out, except embedded structs, whose
//     exported fields are promoted;
//   - json:"-" leaves a field out; json:"-," names it "-";
//   - an embedded struct without a tag name is walked breadth first, depth
//     by depth, each struct type once;
//   - among fields of one name the shallowest wins, then a tagged one; a tie
//     removes them all (Go's dominance rule, as for selectors);
//   - a struct type embedded twice at one depth cancels its fields.
func (p *planner) structFields(st *types.Struct, owner string, addr bool) []*fieldPlan {
	var fields []candidate
	next := []embedded{{st: st}}
	var count, nextCount map[types.Type]int
	visited := map[types.Type]bool{}
	for len(next) > 0 {
		current := next
		next = nil
		count, nextCount = nextCount, map[types.Type]int{}
		for _, f := range current {
			if f.key != nil {
				if visited[f.key] {
					continue
				}
				visited[f.key] = true
			}
			for i := range f.st.NumFields() {
				sf := f.st.Field(i)
				tag := reflect.StructTag(f.st.Tag(i)).Get("json")
				ft := types.Unalias(sf.Type())
				if ptr, ok := ft.(*types.Pointer); ok {
					ft = types.Unalias(ptr.Elem())
				}
				if sf.Embedded() {
					if !sf.Exported() && !isStruct(ft) {
						continue
					}
				} else if !sf.Exported() {
					continue
				}
				if tag == "-" {
					continue
				}
				name, opts, _ := strings.Cut(tag, ",")
				if !validTagName(name) {
					name = ""
				}
				index := append(slices.Clone(f.index), i)
				_, isPtr := types.Unalias(sf.Type()).(*types.Pointer)
				hidden := sf.Embedded() && !sf.Exported() && sf.Pkg() != nil && sf.Pkg().Path() != p.pkg.PkgPath
				path := append(slices.Clone(f.path), pathStep{Name: sf.Name(), Ptr: isPtr, Hidden: hidden})
				if name != "" || !sf.Embedded() || !isStruct(ft) {
					c := candidate{
						name: name, tagged: name != "", index: index, path: path, v: sf,
						quoted:    hasOpt(opts, "string") && quotable(sf.Type()),
						omitEmpty: hasOpt(opts, "omitempty"),
						omitZero:  hasOpt(opts, "omitzero"),
					}
					if c.name == "" {
						c.name = sf.Name()
					}
					fields = append(fields, c)
					if count[f.key] > 1 {
						// Embedded twice at this depth: a duplicate makes
						// the dominance rule drop both.
						fields = append(fields, fields[len(fields)-1])
					}
					continue
				}
				nextCount[ft]++
				if !hidden {
					p.guard(ft) // its fields are promoted into this struct's
				}
				if nextCount[ft] == 1 {
					next = append(next, embedded{st: ft.Underlying().(*types.Struct), key: ft, index: index, path: path})
				}
			}
		}
	}

	// By name, then depth, then tagged first, then index order.
	slices.SortFunc(fields, func(a, b candidate) int {
		if c := strings.Compare(a.name, b.name); c != 0 {
			return c
		}
		if c := cmp.Compare(len(a.index), len(b.index)); c != 0 {
			return c
		}
		if a.tagged != b.tagged {
			if a.tagged {
				return -1
			}
			return 1
		}
		return slices.Compare(a.index, b.index)
	})
	var out []candidate
	for i := 0; i < len(fields); {
		j := i + 1
		for j < len(fields) && fields[j].name == fields[i].name {
			j++
		}
		group := fields[i:j]
		if len(group) == 1 || len(group[0].index) != len(group[1].index) || group[0].tagged != group[1].tagged {
			out = append(out, group[0])
		}
		i = j
	}
	slices.SortFunc(out, func(a, b candidate) int { return slices.Compare(a.index, b.index) })

	var res []*fieldPlan
	for _, c := range out {
		what := "field " + owner + "." + joinPath(c.path)
		if msg := p.promotion(st, c); msg != "" {
			p.errorf(c.v.Pos(), "%s: %s", what, msg)
			continue
		}
		f := &fieldPlan{
			Path:     c.path,
			Name:     c.name,
			KeyASCII: quotedKey(c.name, true),
			KeyUTF8:  quotedKey(c.name, false),
			HasEmpty: c.omitEmpty,
			Value:    p.value(c.v.Type(), addr || throughPointer(c.path), c.v.Pos(), what),
			Pos:      p.position(c.v.Pos()),
		}
		if c.omitEmpty {
			f.OmitEmpty = emptyKind(c.v.Type())
		}
		f.Type = f.Value.Type
		if c.omitZero {
			f.OmitZero = p.zeroKind(c.v.Type(), c.v.Pos(), what)
			if f.OmitZero == zeroFields || f.OmitZero == zeroElems {
				f.ZeroTest = p.zeroTest(c.v.Type(), c.v.Pos(), what)
			}
		}
		if c.quoted {
			leaf, t := f.Value, types.Unalias(c.v.Type())
			if leaf.Kind == kindPointer {
				leaf, t = leaf.Elem, types.Unalias(t.(*types.Pointer).Elem())
			}
			if _, basic := t.Underlying().(*types.Basic); basic && leaf.Kind == kindEncodable {
				// A basic type of another package with generated methods:
				// encoding/json sees its kind, and quotes it.
				*leaf = *p.underlying(t, true, c.v.Pos(), what)
			}
			switch leaf.Kind {
			case kindBool, kindInt, kindUint, kindFloat32, kindFloat64, kindString, kindNumber:
				leaf.Quoted = true
			}
		}
		res = append(res, f)
	}
	return res
}

func joinPath(path []pathStep) string {
	names := make([]string, len(path))
	for i, s := range path {
		names[i] = s.Name
	}
	return strings.Join(names, ".")
}

// sortedFields returns the fields ordered by JSON name, as Python's
// sort_keys orders a dict (code points; Go's byte order on UTF-8 is the
// same), or nil when that is already their order.
func sortedFields(fields []*fieldPlan) []*fieldPlan {
	sorted := slices.Clone(fields)
	slices.SortStableFunc(sorted, func(a, b *fieldPlan) int { return strings.Compare(a.Name, b.Name) })
	if slices.Equal(sorted, fields) {
		return nil
	}
	return sorted
}

func isStruct(t types.Type) bool {
	_, ok := t.Underlying().(*types.Struct)
	return ok
}

func hasOpt(opts, name string) bool {
	for opts != "" {
		var o string
		o, opts, _ = strings.Cut(opts, ",")
		if o == name {
			return true
		}
	}
	return false
}

// quotable reports whether ,string applies to a field of type t: bool,
// numbers and strings, or an unnamed pointer to one (encoding/json).
func quotable(t types.Type) bool {
	t = types.Unalias(t)
	if ptr, ok := t.(*types.Pointer); ok {
		t = ptr.Elem()
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&(types.IsBoolean|types.IsInteger|types.IsFloat|types.IsString) != 0
}

// validTagName is encoding/json's isValidTag: letters, digits and the
// punctuation below; any other name is ignored and the Go name used.
func validTagName(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		switch {
		case strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c):
		case !unicode.IsLetter(c) && !unicode.IsDigit(c):
			return false
		}
	}
	return true
}

// emptyKind is encoding/json's isEmptyValue, by the underlying kind.
func emptyKind(t types.Type) emptyTest {
	if _, ok := types.Unalias(t).(*types.TypeParam); ok {
		return emptyDynamic
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Info()&types.IsBoolean != 0:
			return emptyFalse
		case u.Info()&types.IsString != 0:
			return emptyLen
		case u.Info()&(types.IsInteger|types.IsFloat) != 0:
			return emptyZero
		}
	case *types.Slice, *types.Map, *types.Array:
		return emptyLen
	case *types.Pointer, *types.Interface:
		return emptyNil
	}
	return emptyNever // struct; complex is never empty (Go 1.26)
}

// zeroKind is encoding/json's omitzero test: an IsZero() bool method (on
// the pointer through a nil check), else the zero value.
func (p *planner) zeroKind(t types.Type, pos token.Pos, what string) zeroMode {
	if _, ok := types.Unalias(t).(*types.TypeParam); ok {
		return zeroDynamic
	}
	_, isPtr := t.Underlying().(*types.Pointer)
	if types.Implements(t, isZeroIface) {
		if isPtr {
			return zeroNilOrMethod
		}
		if _, isIface := t.Underlying().(*types.Interface); isIface {
			return zeroIfaceMethod
		}
		return zeroMethod
	}
	if !isPtr && types.Implements(types.NewPointer(t), isZeroIface) {
		return zeroMethod
	}
	return p.zeroTest(t, pos, what).Kind
}

// zeroTest is reflect.Value.IsZero for t, by its structure: no IsZero
// methods below the field itself, as encoding/json. For a comparable type
// that is x == zero (so -0.0 is zero, NaN is not), for others field by field
// and element by element.
func (p *planner) zeroTest(t types.Type, pos token.Pos, what string) *zeroSpec {
	if _, ok := types.Unalias(t).(*types.TypeParam); ok {
		return &zeroSpec{Kind: zeroDynamic, Type: p.goType(t, pos, what)}
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		// == 0, so -0.0 is zero as for reflect.Value.IsZero since Go 1.22.
		return &zeroSpec{Kind: zeroCompare}
	case *types.Pointer, *types.Slice, *types.Map, *types.Interface, *types.Chan, *types.Signature:
		return &zeroSpec{Kind: zeroNil}
	case *types.Array:
		if types.Comparable(t) {
			return &zeroSpec{Kind: zeroCompare}
		}
		return &zeroSpec{Kind: zeroElems, Elem: p.zeroTest(u.Elem(), pos, what)}
	case *types.Struct:
		if types.Comparable(t) {
			return &zeroSpec{Kind: zeroCompare}
		}
		z := &zeroSpec{Kind: zeroFields}
		for i := range u.NumFields() {
			f := u.Field(i)
			if f.Name() == "_" {
				continue
			}
			if !f.Exported() && f.Pkg() != nil && f.Pkg().Path() != p.pkg.PkgPath {
				if types.Comparable(t) {
					return &zeroSpec{Kind: zeroCompare}
				}
				p.errorf(pos, "%s: omitzero on type %s needs its unexported field %s, which generated code cannot read", what, typeString(t), f.Name())
				return &zeroSpec{Kind: zeroCompare}
			}
			z.Fields = append(z.Fields, zeroField{Name: f.Name(), Test: p.zeroTest(f.Type(), pos, what)})
		}
		return z
	}
	return &zeroSpec{Kind: zeroCompare}
}

// throughPointer reports whether a field's path goes through an embedded
// pointer, past which the field is addressable whatever its struct is.
func throughPointer(path []pathStep) bool {
	for _, s := range path[:len(path)-1] {
		if s.Ptr {
			return true
		}
	}
	return false
}

// promotion checks a field reached through unexported embedded structs of
// another package (Hidden steps), which generated code reaches by promotion:
// Go's selector must pick the same field that encoding/json's rules picked,
// and no hidden step may be a pointer, whose nil check cannot be written.
// It returns what is wrong, or "".
func (p *planner) promotion(st *types.Struct, c candidate) string {
	var from, cur types.Type = st, st // from: where the selector resumes
	hidden := false
	for k, idx := range c.index {
		s, ok := cur.Underlying().(*types.Struct)
		if !ok {
			return ""
		}
		f := s.Field(idx)
		step := c.path[k]
		if step.Hidden {
			if step.Ptr {
				return "it is promoted through *" + f.Name() + ", an unexported embedded pointer of another package, which generated code cannot test for nil"
			}
			hidden = true
		} else {
			if hidden {
				obj, _, _ := types.LookupFieldOrMethod(from, true, p.pkg.Types, f.Name())
				if obj != f {
					return "it is promoted through " + c.path[k-1].Name + ", an unexported embedded struct of another package, and Go's selector ." + f.Name() + " names another field"
				}
				hidden = false
			}
			from = f.Type()
		}
		cur = f.Type()
		if ptr, ok := cur.Underlying().(*types.Pointer); ok {
			cur = ptr.Elem()
		}
		if !step.Hidden {
			from = cur
		}
	}
	return ""
}

// quotedKey returns a field's key as a JSON string under ensure_ascii, the
// way the runtime escapes it: by the library itself, through its public
// API, so that the key bytes computed here cannot differ from a string the
// runtime writes.
func quotedKey(name string, ascii bool) string {
	s, err := jsondump.Dumps(name, jsondump.EnsureASCII(ascii))
	if err != nil {
		panic("jsondump.Dumps of a string failed: " + err.Error()) // a string always has a JSON form
	}
	return s
}
