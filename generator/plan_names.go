package generator

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/tools/go/packages"
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

// packageNames returns every name declared at package level by the files of
// the package's directory that belong to it (its package clause) and do not
// carry the generated-code header, with the position of each: in every
// build configuration, and with the package's own _test.go files, whose
// names share the package block in the test build. A generated file must
// neither declare these names nor shadow them.
func packageNames(pkg *packages.Package) map[string]token.Position {
	names := map[string]token.Position{}
	if pkg.Types != nil {
		for _, n := range pkg.Types.Scope().Names() {
			names[n] = pkg.Fset.Position(pkg.Types.Scope().Lookup(n).Pos())
		}
	}
	dir := pkg.Dir
	if dir == "" && len(pkg.GoFiles) > 0 {
		dir = filepath.Dir(pkg.GoFiles[0])
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	fset := token.NewFileSet()
	for _, path := range files {
		if isGenerated(path) {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil || f.Name.Name != pkg.Name {
			continue
		}
		add := func(id *ast.Ident) {
			if id.Name != "_" {
				if _, ok := names[id.Name]; !ok {
					names[id.Name] = fset.Position(id.Pos())
				}
			}
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil && d.Name.Name != "init" {
					add(d.Name)
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						add(s.Name)
					case *ast.ValueSpec:
						for _, id := range s.Names {
							add(id)
						}
					}
				}
			}
		}
	}
	return names
}

// usedPredeclared are the predeclared identifiers generated code refers to
// by name; a package that declares one of them cannot have generated code.
var usedPredeclared = []string{"any", "bool", "byte", "error", "false", "float32", "float64", "int",
	"int64", "len", "new", "nil", "string", "true", "uint64"}

// chooseName returns base, or base followed by as many "_" as it takes to be
// none of the taken names.
func chooseName(base string, taken ...map[string]bool) string {
	for name := base; ; name += "_" {
		if !anyHas(taken, name) {
			return name
		}
	}
}

// choosePrefix returns base, or base followed by "_"s, such that no taken
// name is the prefix followed by digits (i0, v12): a prefix for the
// variables named by their nesting depth.
func choosePrefix(base string, taken ...map[string]bool) string {
	for prefix := base; ; prefix += "_" {
		clash := false
		for _, m := range taken {
			for name := range m {
				if rest, ok := strings.CutPrefix(name, prefix); ok && rest != "" && strings.Trim(rest, "0123456789") == "" {
					clash = true
					break
				}
			}
		}
		if !clash {
			return prefix
		}
	}
}

func anyHas(sets []map[string]bool, name string) bool {
	for _, m := range sets {
		if m[name] {
			return true
		}
	}
	return false
}

// chooseNames decides the file's import names and the names of the
// variables of its functions (fileNames), none of them a name of the
// package, a type parameter of a function the file declares, or, for the
// variables, an import name: so no user name can stop generation.
func (p *planner) chooseNames(out *filePlan) {
	taken := map[string]bool{}
	for n := range p.pkgNames {
		taken[n] = true
	}
	// A type parameter of a generated generic function is renamed when
	// it is a name of the package, which it would hide in the function's
	// body: type G[e any] of a package that declares type e has
	// func _jsondump_G[e_ any](...), where e is the package's e.
	params := map[string]bool{}
	var decls []*typeParam
	for _, n := range out.Named {
		for i := range n.TypeParams {
			decls = append(decls, &n.TypeParams[i])
		}
	}
	for _, g := range out.Guards {
		for i := range g.TypeParams {
			decls = append(decls, &g.TypeParams[i])
		}
	}
	for _, tp := range decls {
		params[tp.Name] = true
	}
	rename := map[string]string{}
	for _, tp := range decls {
		if _, done := rename[tp.Name]; !done && taken[tp.Name] {
			name := chooseName(tp.Name, taken, params)
			params[name] = true
			rename[tp.Name] = name
		}
	}
	for _, tp := range decls {
		if r, ok := rename[tp.Name]; ok {
			tp.Name = r
		}
	}
	for _, g := range p.tparams {
		if r, ok := rename[g.Name]; ok {
			g.Name = r
		}
	}
	for name := range params {
		taken[name] = true
	}
	imports := map[string]bool{}
	add := func(path, name string, alias bool) {
		chosen := chooseName(name, taken, imports)
		imports[chosen] = true
		out.Imports = append(out.Imports, importName{Path: path, Name: chosen, Alias: alias || chosen != name})
	}
	// The fixed imports first, then the others by path: the order decides
	// which takes a "_" when two packages have one name.
	add(runtimePath, runtimeAlias, true)
	add(jsondumpPath, jsondumpName, false)
	add(ioPath, "io", false)
	paths := make([]string, 0, len(p.imports))
	for path := range p.imports {
		if path != runtimePath && path != jsondumpPath && path != ioPath {
			paths = append(paths, path)
		}
	}
	slices.Sort(paths)
	for _, path := range paths {
		add(path, p.imports[path], false)
	}

	locals := map[string]bool{}
	one := func(base string) string {
		name := chooseName(base, taken, imports, locals)
		locals[name] = true
		return name
	}
	prefix := func(base string) string {
		name := choosePrefix(base, taken, imports, locals)
		locals[name] = true
		return name
	}
	out.Names = fileNames{
		Enc: one("e"), Val: one("v"), Arg: one("x"), Switch: one("p"), Writer: one("w"),
		Dst: one("dst"), Opts: one("opts"), Mark: one("mark"), Want: one("y"), Diff: one("d"),
		Index: prefix("i"), MapVal: prefix("v"), ZeroIdx: prefix("z"),
	}
	out.Names.Got = out.Names.Arg // never in one function with JSONDumpEncode's argument
	for _, g := range out.Guards {
		params := map[string]bool{}
		for _, tp := range g.TypeParams {
			params[tp.Name] = true
		}
		g.Hint = chooseName(g.Hint, taken, imports, params, locals)
	}
}

// importPath notes that generated code may name a type of the package at
// path, whose name is name.
func (p *planner) importPath(path, name string) {
	if path != "" && path != p.pkg.PkgPath {
		p.imports[path] = name
	}
}

// nameKeys gives every struct field of the plan the name of the package-level
// FieldKey of its JSON key, one per distinct key, and lists one field per
// key in order of first use.
func (p *planner) nameKeys(out *filePlan) {
	// "_jsondumpkey_": no function name can begin so, since every one is
	// "_jsondump_" followed by a type's name.
	prefix := "_jsondumpkey_"
	if len(out.Roots) > 0 {
		prefix = "_jsondumpkey_" + out.Roots[0].Name + "_"
	}
	byKey := map[string]string{}
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
					base = prefix + strconv.Itoa(len(out.Keys))
				}
				name = p.reserveName(base)
				byKey[key] = name
				out.Keys = append(out.Keys, f)
			}
			f.KeyVar = name
			walk(f.Value)
		}
		walk(v.Elem)
	}
	for _, n := range out.Named {
		walk(n.Value)
	}
}
