package generator

import (
	"bufio"
	"bytes"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"
)

// toleratedError matches the type errors of code that calls a method
// jsondumpgen generates, before the first go generate or after its earlier
// output was left out (README, "What it does"): exactly these are tolerated
// while loading. The final check of the generated code (typeCheck)
// tolerates them only for the types of other go:generate lines, whose
// files it leaves out or which are not written yet.
var toleratedError = regexp.MustCompile(`(has no field or method|missing method) (` + strings.Join(generatedMethods, "|") + `)\b`)

// missingOn extracts the type a tolerated error says lacks the method:
// "x.Dumps undefined (type *A has no field or method Dumps)", and
// "*A does not implement jsondump.Dumper (missing method Dumps)".
var missingOn = regexp.MustCompile(`type (\S+) has no field or method (?:` + strings.Join(generatedMethods, "|") + `)\b|(\S+) does not implement \S+ \(missing method (?:` + strings.Join(generatedMethods, "|") + `)\)`)

// A view is how jsondumpgen sees the package it generates for and the
// module around it:
//
//   - every file of the package that carries the generated-code header is
//     left out (an overlay empties it), so that earlier output, stale or
//     not, is never seen and a package is planned the same way whatever
//     the other go:generate lines of the package did before;
//   - the generated files of the module's other packages that the package
//     imports are left out too, but only when the package does not load
//     with them (one of them no longer compiles because its type changed
//     and go generate has not reached it yet);
//   - the types of the module's other packages that a jsondumpgen
//     go:generate line there names are promised: they are written through
//     their methods whether those are generated yet or not, so that the
//     output does not depend on the order go generate takes.
type view struct {
	pcfg     packages.Config   // Dir, BuildFlags, Tests for the loads
	overlay  map[string][]byte // the files left out, emptied
	depGen   map[string][]byte // the module's other generated files, emptied on a retry
	promised map[string]bool   // "path.Name" of the types other packages generate
	listed   int               // the packages listed in the directory
	modDeps  bool              // the package imports other packages of the main module

	// fromSource says that the imported packages are type-checked from
	// their source, not from the go command's export data: a package of
	// the module that calls its own generated methods does not compile
	// before its go:generate line ran, and from source those calls are
	// tolerated as in the package itself.
	fromSource bool
}

// newView lists the package in cfg.Dir (with its tests when asked) and
// the packages it imports, a cheap first pass of go/packages, and returns
// the view of it.
func newView(cfg Config, tests bool) (*view, error) {
	dir := cfg.Dir
	if dir == "" {
		dir = "."
	}
	if err := checkDir(dir); err != nil {
		return nil, DiagnosticList{{Msg: "loading " + dir + ": " + err.Error()}}
	}
	v := &view{
		pcfg:     packages.Config{Dir: dir, BuildFlags: buildFlags(cfg.Tags), Tests: tests},
		overlay:  map[string][]byte{},
		depGen:   map[string][]byte{},
		promised: map[string]bool{},
	}
	pcfg := v.pcfg
	pcfg.Mode = packages.NeedName | packages.NeedFiles | packages.NeedImports | packages.NeedDeps | packages.NeedModule
	pkgs, err := packages.Load(&pcfg, ".")
	if err != nil {
		return nil, DiagnosticList{{Msg: "loading " + dir + ": " + err.Error()}}
	}
	own := map[string]bool{}
	for _, p := range pkgs {
		own[strings.TrimSuffix(p.PkgPath, "_test")] = true
		for _, f := range p.GoFiles {
			if isGenerated(f) {
				v.overlay[f] = []byte("package " + packageName(f) + "\n")
			}
		}
		if !strings.HasSuffix(p.ID, ".test") {
			v.listed++
		}
	}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if own[p.PkgPath] || p.Module == nil || !p.Module.Main {
			return
		}
		v.modDeps = true
		for _, f := range p.GoFiles {
			if isGenerated(f) {
				v.depGen[f] = []byte("package " + packageName(f) + "\n")
			}
			for _, name := range generateDirectiveTypes(f) {
				v.promised[p.PkgPath+"."+name] = true
			}
		}
	})
	return v, nil
}

// config returns a packages.Config for a load of the view with mode.
func (v *view) config(mode packages.LoadMode) *packages.Config {
	pcfg := v.pcfg
	pcfg.Mode = mode
	if v.fromSource {
		pcfg.Mode |= packages.NeedDeps | packages.NeedImports | packages.NeedModule | packages.NeedTypesInfo
	}
	pcfg.Overlay = v.overlay
	return &pcfg
}

// tolerated reports whether an error of the package p, loaded as pkg or
// one of its imports, does not stop generation: a missing generated
// method, in pkg or, loaded from source, in another package of the main
// module; and the go command's summary of type errors ("# path") that the
// type checker reports with positions.
func (v *view) tolerated(p, pkg *packages.Package, e packages.Error) bool {
	if p != pkg && !(v.fromSource && p.Module != nil && p.Module.Main) {
		return false
	}
	switch e.Kind {
	case packages.TypeError:
		return toleratedError.MatchString(e.Msg)
	case packages.ListError:
		return strings.HasPrefix(e.Msg, "# ")
	}
	return false
}

// load loads the package of the view, and returns it or the diagnostics
// that stop us. With tests, it returns the variant (the package with its
// internal tests, or the external _test package) that declares every name
// in names, or nil when none does.
func load(v *view, names []string) (*packages.Package, error) {
	pkg, err := v.loadOnce(names)
	if err != nil && len(v.depGen) > 0 {
		// A package of the module that this one imports may not
		// compile because its generated file is stale (its guard
		// fails) and go generate has not reached it yet: load without
		// the module's generated files. Their types are then written
		// field by field, or, when promised, through their methods all
		// the same.
		saved := v.overlay
		v.overlay = maps.Clone(saved)
		maps.Copy(v.overlay, v.depGen)
		if pkg2, err2 := v.loadOnce(names); err2 == nil {
			return pkg2, nil
		}
		v.overlay = saved
	}
	if err != nil && v.modDeps {
		// A package of the module that this one imports may not
		// compile because it calls its own generated methods and go
		// generate has not reached it yet: type-check the imports from
		// source, which tolerates those calls there as here (slower:
		// the standard library's packages are checked too).
		saved := v.overlay
		v.overlay = maps.Clone(saved)
		maps.Copy(v.overlay, v.depGen)
		v.fromSource = true
		if pkg2, err2 := v.loadOnce(names); err2 == nil {
			return pkg2, nil
		}
		v.overlay, v.fromSource = saved, false
	}
	return pkg, err
}

func (v *view) loadOnce(names []string) (*packages.Package, error) {
	dir := v.pcfg.Dir
	if v.listed == 0 || !v.pcfg.Tests && v.listed != 1 {
		return nil, DiagnosticList{{Msg: "loading " + dir + ": expected one package"}}
	}
	pkgs, err := packages.Load(v.config(packages.NeedName|packages.NeedFiles|packages.NeedSyntax|packages.NeedTypes|packages.NeedTypesInfo), ".")
	if err != nil {
		return nil, DiagnosticList{{Msg: "loading " + dir + ": " + err.Error()}}
	}
	pkg := pkgs[0]
	if v.pcfg.Tests {
		pkg = nil
		for _, p := range pkgs {
			if strings.HasSuffix(p.ID, ".test") || p.Types == nil || !declaresAll(p.Types, names) {
				continue
			}
			if pkg == nil || strings.Contains(p.ID, "[") && !strings.Contains(pkg.ID, "[") {
				pkg = p
			}
		}
		if pkg == nil {
			return nil, nil // the caller reports the missing names
		}
	}
	var diags DiagnosticList
	packages.Visit([]*packages.Package{pkg}, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			if !v.tolerated(p, pkg, e) {
				diags = append(diags, errorDiagnostic(e))
			}
		}
	})
	if len(diags) > 0 {
		return nil, diags
	}
	if pkg.Types == nil {
		return nil, DiagnosticList{{Msg: "loading " + dir + ": no type information"}}
	}
	return pkg, nil
}

// generateDirectiveTypes returns the -type names of the jsondumpgen
// go:generate lines of a file: "//go:generate go tool jsondumpgen
// -type=A,B" gives A and B, as does any other way of running jsondumpgen.
func generateDirectiveTypes(path string) []string {
	data, err := os.ReadFile(path)
	if err != nil || !bytes.Contains(data, []byte("jsondumpgen")) {
		return nil
	}
	var out []string
	for _, line := range strings.Split(string(data), "\n") {
		rest, ok := strings.CutPrefix(strings.TrimRight(line, "\r"), "//go:generate ")
		if !ok {
			continue
		}
		args := strings.Fields(rest)
		cmd := slices.IndexFunc(args, func(a string) bool {
			a, _, _ = strings.Cut(a, "@")
			return a == "jsondumpgen" || strings.HasSuffix(a, "/jsondumpgen")
		})
		if cmd < 0 {
			continue
		}
		for i := cmd + 1; i < len(args); i++ {
			a := strings.TrimPrefix(args[i], "-")
			switch {
			case strings.HasPrefix(a, "-type="), strings.HasPrefix(a, "type="):
				out = append(out, strings.Split(a[strings.Index(a, "=")+1:], ",")...)
			case (a == "type" || a == "-type") && i+1 < len(args):
				out = append(out, strings.Split(args[i+1], ",")...)
				i++
			}
		}
	}
	return out
}

// declaresAll reports whether every name is a type declared in pkg.
func declaresAll(pkg *types.Package, names []string) bool {
	for _, name := range names {
		if _, ok := pkg.Scope().Lookup(name).(*types.TypeName); !ok {
			return false
		}
	}
	return true
}

// inTestFile reports whether obj is declared in a _test.go file.
func inTestFile(pkg *packages.Package, obj types.Object) bool {
	return strings.HasSuffix(pkg.Fset.Position(obj.Pos()).Filename, "_test.go")
}

// checkDir reports a package directory that does not exist or is a file
// in those words; the go command, run in it, would fail to start, and
// go/packages would report that as "fork/exec .../go: no such file or
// directory", as if Go were missing.
func checkDir(dir string) error {
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("no such directory")
	case err != nil:
		return err
	case !fi.IsDir():
		return errors.New("it is a file, not a directory: jsondumpgen takes the package's directory (go generate runs it in that directory, so a go:generate line needs no argument)")
	}
	return nil
}

// errorDiagnostic turns a packages.Error ("file:line:col" in Pos) into a
// Diagnostic.
func errorDiagnostic(e packages.Error) Diagnostic {
	var pos token.Position
	if e.Pos != "" && e.Pos != "-" {
		parts := strings.Split(e.Pos, ":")
		pos.Filename = e.Pos
		if len(parts) >= 3 {
			pos.Filename = strings.Join(parts[:len(parts)-2], ":")
			pos.Line = atoi(parts[len(parts)-2])
			pos.Column = atoi(parts[len(parts)-1])
		} else if len(parts) == 2 {
			pos.Filename = parts[0]
			pos.Line = atoi(parts[1])
		}
		pos = relPos(pos)
	}
	return Diagnostic{Pos: pos, Msg: e.Msg}
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + int(c-'0')
	}
	return n
}

func buildFlags(tags []string) []string {
	if len(tags) == 0 {
		return nil
	}
	return []string{"-tags=" + strings.Join(tags, ",")}
}

// isGenerated reports whether the file begins with our header line.
func isGenerated(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	line, _ := bufio.NewReader(f).ReadString('\n')
	return strings.TrimRight(line, "\r\n") == headerLine
}

// packageName reads a file's package clause.
func packageName(path string) string {
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.PackageClauseOnly)
	if err != nil {
		return filepath.Base(filepath.Dir(path))
	}
	return f.Name.Name
}

// lookupTypes finds the -type objects, reporting each name that is not a
// type declared at package level.
func lookupTypes(pkg *packages.Package, names []string) ([]*types.TypeName, error) {
	var out []*types.TypeName
	var diags DiagnosticList
	for _, name := range names {
		obj, ok := pkg.Types.Scope().Lookup(name).(*types.TypeName)
		if !ok || obj.IsAlias() {
			msg := "type " + name + " not found in package " + pkg.PkgPath + "; -type names a defined type declared at package level"
			if file := declaredInIgnored(pkg, name); file != "" {
				msg += "; it is declared in " + file + ", which the build constraints leave out: give its tags with -tags"
			} else if alt := similarType(pkg.Types.Scope(), name); alt != "" {
				msg += "; did you mean " + alt + "?"
			}
			diags = append(diags, Diagnostic{Msg: msg})
			continue
		}
		out = append(out, obj)
	}
	if len(diags) > 0 {
		return nil, diags
	}
	return out, nil
}

// declaredInIgnored returns the base name of a file of the package that the
// build constraints leave out and that declares the type name, or "".
func declaredInIgnored(pkg *packages.Package, name string) string {
	for _, path := range pkg.IgnoredFiles {
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
		if err != nil {
			continue
		}
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.TYPE {
				continue
			}
			for _, s := range g.Specs {
				if s.(*ast.TypeSpec).Name.Name == name {
					return filepath.Base(path)
				}
			}
		}
	}
	return ""
}

// similarType returns a type of the scope whose name differs from name only
// in case, or "".
func similarType(scope *types.Scope, name string) string {
	for _, n := range scope.Names() {
		if obj, ok := scope.Lookup(n).(*types.TypeName); ok && !obj.IsAlias() && n != name && strings.EqualFold(n, name) {
			return n
		}
	}
	return ""
}

// generatedMethods are the methods a generated file declares for a -type.
var generatedMethods = []string{"Dumps", "AppendDumps", "Dump", "JSONDumpEncode"}

// checkOwnMethods refuses a -type that already has one of the methods
// jsondumpgen would declare. Earlier generated files are loaded empty, so
// such a method is the user's own.
func checkOwnMethods(pkg *packages.Package, objs []*types.TypeName) error {
	var diags DiagnosticList
	for _, obj := range objs {
		mset := types.NewMethodSet(types.NewPointer(obj.Type()))
		for _, name := range generatedMethods {
			sel := mset.Lookup(obj.Pkg(), name)
			if sel == nil || len(sel.Index()) > 1 {
				// A method promoted from an embedded field is shadowed by
				// the one generated for the type itself, as Go allows.
				continue
			}
			diags = append(diags, Diagnostic{
				Pos: relPos(pkg.Fset.Position(sel.Obj().Pos())),
				Msg: "type " + obj.Name() + " already has a method " + name + "; jsondumpgen declares " +
					strings.Join(generatedMethods, ", ") + " for each -type: rename the method or leave " + obj.Name() + " out of -type",
			})
		}
		// Go forbids a field and a method of one name on a struct type.
		if st, ok := obj.Type().Underlying().(*types.Struct); ok {
			for i := range st.NumFields() {
				f := st.Field(i)
				if slices.Contains(generatedMethods, f.Name()) {
					diags = append(diags, Diagnostic{
						Pos: relPos(pkg.Fset.Position(f.Pos())),
						Msg: "type " + obj.Name() + " has a field " + f.Name() + "; jsondumpgen declares a method of that name for each -type: rename the field or leave " + obj.Name() + " out of -type",
					})
				}
			}
		}
	}
	if len(diags) > 0 {
		return diags
	}
	return nil
}

// typeCheck loads the package again with the generated file in place of
// its earlier version, so that code which does not compile is never
// written. It sees the package as load did (the view): the other
// generated files of the package are still left out, and the errors that
// say a method they declare is missing are tolerated as load tolerates
// them (the file of another go:generate line may be stale or not written
// yet), but not for the types this file declares the methods of (roots).
// Nor are errors in this file tolerated, but for the JSONDumpEncode
// methods of promised types it calls (awaited) that their go:generate
// lines have not written yet. An error here is a bug of jsondumpgen: the
// message says so and shows the generated source around each error.
func typeCheck(v *view, f File, id string, roots, awaited []string) error {
	abs, err := filepath.Abs(f.Path)
	if err != nil {
		return err
	}
	dir := v.pcfg.Dir
	pcfg := v.config(packages.NeedName | packages.NeedFiles | packages.NeedTypes | packages.NeedSyntax)
	pcfg.Overlay = maps.Clone(v.overlay)
	pcfg.Overlay[abs] = f.Content
	pkgs, err := packages.Load(pcfg, ".")
	var pkg *packages.Package
	for _, p := range pkgs {
		if p.ID == id {
			pkg = p
		}
	}
	if err != nil || pkg == nil {
		msg := "checking the generated code: the go command could not load " + dir + " with it"
		if err != nil {
			msg += ": " + err.Error()
		}
		return DiagnosticList{{Msg: msg + "; the generated code imports " + jsondumpPath +
			": check that go.mod requires it (go get " + jsondumpPath + ", go mod tidy) and that go build works"}}
	}
	var diags DiagnosticList
	for _, e := range pkg.Errors {
		if e.Kind == packages.ListError && strings.HasPrefix(e.Msg, "# ") && len(pkg.Errors) > 1 {
			continue // the go command's summary of the type errors that follow
		}
		ours := strings.HasPrefix(e.Pos, abs+":") || strings.HasPrefix(e.Pos, f.Path+":")
		if e.Kind == packages.TypeError && toleratedError.MatchString(e.Msg) {
			typ := missingType(e.Msg)
			if !ours && typ != "" && !slices.Contains(roots, typ) || ours && slices.Contains(awaited, typ) {
				continue
			}
		}
		d := errorDiagnostic(e)
		if strings.Contains(e.Msg, "could not import "+jsondumpPath) {
			d.Msg = "the generated code imports " + jsondumpPath + ", which this module does not require: run go get " + jsondumpPath
			return DiagnosticList{d}
		}
		msg := "generated code does not compile (a bug in jsondumpgen; please report it with this output): " + e.Msg
		if ours {
			line := atoi(strings.Split(strings.TrimPrefix(strings.TrimPrefix(e.Pos, abs+":"), f.Path+":"), ":")[0])
			msg += "\n" + numberedSource(f.Content, line, 5)
		}
		d.Msg = msg
		diags = append(diags, d)
	}
	if len(diags) > 0 {
		return diags
	}
	return nil
}

// missingType returns the type a tolerated error says lacks a generated
// method, as %T spells it without its pointer and type arguments
// ("models.User", or "A" for a type of the package), or "".
func missingType(msg string) string {
	m := missingOn.FindStringSubmatch(msg)
	if m == nil {
		return ""
	}
	t := strings.TrimLeft(m[1]+m[2], "*(")
	t, _, _ = strings.Cut(t, "[")
	return t
}

// numberedSource returns the lines of src around line (1-based), numbered.
func numberedSource(src []byte, line, context int) string {
	lines := strings.Split(string(src), "\n")
	var b strings.Builder
	for i := max(1, line-context); i <= min(len(lines), line+context); i++ {
		mark := "  "
		if i == line {
			mark = "> "
		}
		b.WriteString(mark + strconv.Itoa(i) + "\t" + lines[i-1] + "\n")
	}
	return b.String()
}
