package generator

import (
	"fmt"
	"go/types"
	"strconv"
	"strings"
)

// funcName returns the encode function's name for a named type: stringer
// style, "_jsondump_" and the type's name, the package name first for a
// type of another package ("_jsondump_time_Location"). A clash, possible
// only between packages of the same name, takes "_2", "_3" in plan order.
func (p *planner) funcName(obj *types.TypeName) string {
	base := "_jsondump_" + obj.Name()
	if obj.Pkg() != nil && obj.Pkg().Path() != p.pkg.PkgPath {
		base = "_jsondump_" + strings.ReplaceAll(obj.Pkg().Name(), ".", "_") + "_" + obj.Name()
	}
	name := base
	for i := 2; p.names[name]; i++ {
		name = base + "_" + strconv.Itoa(i)
	}
	p.names[name] = true
	return name
}

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }
