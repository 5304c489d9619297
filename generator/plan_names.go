package generator

import (
	"fmt"
	"go/types"
	"strconv"
	"strings"
	"unicode"
)

// funcName returns the encode function's name for a named type, stringer
// style: "_jsondump_" and the type's name for a -type; for any other type,
// the first -type's name too ("_jsondump_Employee_Address"), so that two
// generated files of one package never declare the same function. The type
// of another package has its package name ("_jsondump_Employee_time_Location"),
// an instance its type arguments ("_jsondump_Page_int"). A clash takes "_2",
// "_3" in plan order.
func (p *planner) funcName(t *types.Named, root bool) string {
	obj := t.Obj()
	name := obj.Name()
	if obj.Pkg() != nil && obj.Pkg().Path() != p.pkg.PkgPath {
		name = strings.ReplaceAll(obj.Pkg().Name(), ".", "_") + "_" + name
	}
	if t.TypeArgs().Len() > 0 {
		var args []string
		for i := range t.TypeArgs().Len() {
			args = append(args, identPart(types.TypeString(t.TypeArgs().At(i), p.qualifier), true))
		}
		name += "_" + strings.Join(args, "_")
	}
	base := "_jsondump_" + name
	if !root {
		base = "_jsondump_" + p.first + "_" + name
	}
	name = base
	for i := 2; p.names[name]; i++ {
		name = base + "_" + strconv.Itoa(i)
	}
	p.names[name] = true
	return name
}

// identPart turns text into identifier characters, one '_' for each run of
// others: "map[string]*x.Item" becomes "map_string_x_Item". Without
// anyScript, only ASCII letters and digits are kept ("ünï" becomes "n").
func identPart(s string, anyScript bool) string {
	var b strings.Builder
	under := false
	for _, r := range s {
		if r < 0x80 && (isASCIILetter(r) || '0' <= r && r <= '9') || anyScript && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
			under = false
		} else if !under && b.Len() > 0 {
			b.WriteByte('_')
			under = true
		}
	}
	return strings.TrimSuffix(b.String(), "_")
}

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }

// qualifier spells types of this package without their package name.
func (p *planner) qualifier(pkg *types.Package) string {
	if pkg.Path() == p.pkg.PkgPath {
		return ""
	}
	return pkg.Name()
}

func isASCIILetter(r rune) bool { return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' }
