package generator

import (
	"bufio"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"
)

// toleratedError matches the type errors of code that calls a method
// jsondumpgen is about to generate, before the first go generate or after
// its earlier output was left out (README, "What it does"): exactly these are tolerated.
var toleratedError = regexp.MustCompile(`(has no field or method|missing method) (` + strings.Join(generatedMethods, "|") + `)\b`)

// load loads the package in cfg.Dir without the files that carry the
// generated-code header, and returns it or the diagnostics that stop us.
// With tests, it loads the package with its _test.go files, and returns the
// variant (the package with its internal tests, or the external _test
// package) that declares every name in types.
func load(cfg Config, tests bool, names []string) (*packages.Package, error) {
	pcfg, overlay, n, err := listPackage(cfg, tests)
	if err != nil {
		return nil, DiagnosticList{{Msg: "loading " + pcfg.Dir + ": " + err.Error()}}
	}
	if n == 0 || !tests && n != 1 {
		return nil, DiagnosticList{{Msg: "loading " + pcfg.Dir + ": expected one package"}}
	}
	dir := pcfg.Dir
	pcfg.Mode = packages.NeedName | packages.NeedFiles | packages.NeedSyntax | packages.NeedTypes | packages.NeedTypesInfo
	pcfg.Overlay = overlay
	pkgs, err := packages.Load(pcfg, ".")
	if err != nil {
		return nil, DiagnosticList{{Msg: "loading " + dir + ": " + err.Error()}}
	}
	pkg := pkgs[0]
	if tests {
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
			if p == pkg && e.Kind == packages.TypeError && toleratedError.MatchString(e.Msg) {
				continue
			}
			if p == pkg && e.Kind == packages.ListError && strings.HasPrefix(e.Msg, "# ") {
				// The go command's compile output for export data: the
				// type checker reports the same errors, with positions,
				// as TypeErrors, and decides which are tolerated.
				continue
			}
			diags = append(diags, errorDiagnostic(e))
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

// listPackage lists the files of the package in cfg.Dir, a cheap first pass
// of go/packages, and returns the config for the full load, the overlay that
// replaces each file carrying the generated-code header by an empty file of
// the same package (so that our own earlier output, stale or not, is never
// seen), and the number of packages listed.
func listPackage(cfg Config, tests bool) (*packages.Config, map[string][]byte, int, error) {
	dir := cfg.Dir
	if dir == "" {
		dir = "."
	}
	if err := checkDir(dir); err != nil {
		return &packages.Config{Dir: dir}, nil, 0, err
	}
	pcfg := &packages.Config{
		Mode:       packages.NeedName | packages.NeedFiles,
		Dir:        dir,
		BuildFlags: buildFlags(cfg.Tags),
		Tests:      tests,
	}
	pkgs, err := packages.Load(pcfg, ".")
	if err != nil {
		return pcfg, nil, 0, err
	}
	overlay := map[string][]byte{}
	for _, p := range pkgs {
		for _, f := range p.GoFiles {
			if isGenerated(f) {
				overlay[f] = []byte("package " + packageName(f) + "\n")
			}
		}
	}
	return pcfg, overlay, len(pkgs), nil
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

// typeCheck loads the package again with the generated file in place of its
// earlier version, so that code which does not compile is never written.
// An error here is a bug of jsondumpgen: the message says so and shows the
// generated source around each error.
func typeCheck(cfg Config, f File, tests bool, id string) error {
	abs, err := filepath.Abs(f.Path)
	if err != nil {
		return err
	}
	pcfg, overlay, n, err := listPackage(cfg, tests)
	dir := pcfg.Dir
	if err != nil || n == 0 {
		return DiagnosticList{{Msg: fmt.Sprintf("checking the generated code: loading %s: %v (%d packages)", dir, err, n)}}
	}
	overlay[abs] = f.Content
	pcfg.Mode = packages.NeedName | packages.NeedFiles | packages.NeedTypes | packages.NeedSyntax
	pcfg.Overlay = overlay
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
		d := errorDiagnostic(e)
		if strings.Contains(e.Msg, "could not import "+jsondumpPath) {
			d.Msg = "the generated code imports " + jsondumpPath + ", which this module does not require: run go get " + jsondumpPath
			return DiagnosticList{d}
		}
		msg := "generated code does not compile (a bug in jsondumpgen; please report it with this output): " + e.Msg
		if strings.HasPrefix(e.Pos, abs+":") || strings.HasPrefix(e.Pos, f.Path+":") {
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
