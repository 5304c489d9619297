// Package generator writes the Dump/Dumps methods of jsondumpgen: it loads a
// package (load.go), plans the named types (plan*.go) and prints the plan
// with jennifer (emit*.go). It returns bytes and writes nothing.
package generator

import (
	"go/build/constraint"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"
)

// A Config says what to generate.
type Config struct {
	Dir    string   // the package directory; "" is "."
	Types  []string // the -type names, at least one
	Output string   // the output file; "" is <first type, lower case>_jsondump.go in Dir (_jsondump_test.go for types of _test.go files)
	Tags   []string // build tags
	Strict bool     // warnings are errors
}

// A File is one generated Go source file.
type File struct {
	Path    string // where the command writes it
	Content []byte // gofmt-ed source, beginning with the generated-code header
}

// A Result is what Generate produces: the files to write, and warnings
// about values that have no JSON form and go to the Default hook at run
// time (errors under Config.Strict).
type Result struct {
	Files    []File
	Warnings []Diagnostic
}

// Generate loads the package described by cfg, plans the types named in
// cfg.Types and returns the generated files with the warnings. It writes
// nothing. Problems in the input are returned as a DiagnosticList.
func Generate(cfg Config) (Result, error) {
	if len(cfg.Types) == 0 {
		return Result{}, DiagnosticList{{Msg: "no types given; use -type=T"}}
	}
	v, err := newView(cfg, false)
	if err != nil {
		return Result{}, err
	}
	pkg, err := load(v, nil)
	if err != nil {
		return Result{}, err
	}
	tests := false
	if !declaresAll(pkg.Types, cfg.Types) {
		// Types of _test.go files: load the package with its tests.
		tv, err := newView(cfg, true)
		if err != nil {
			return Result{}, err
		}
		if tpkg, err := load(tv, cfg.Types); err != nil {
			return Result{}, err
		} else if tpkg != nil {
			pkg, v, tests = tpkg, tv, true
		}
	}
	objs, err := lookupTypes(pkg, cfg.Types)
	if err != nil {
		return Result{}, err
	}
	if tests {
		var inTests, others []string
		for _, obj := range objs {
			if inTestFile(pkg, obj) {
				inTests = append(inTests, obj.Name())
			} else {
				others = append(others, obj.Name())
			}
		}
		if len(inTests) > 0 && len(others) > 0 {
			// One file cannot serve both: a _test.go file would hide the
			// methods of the others from every build but go test.
			return Result{}, DiagnosticList{{Msg: "-type mixes types declared in _test.go files (" + strings.Join(inTests, ", ") + ") with types of the package (" + strings.Join(others, ", ") + "): run jsondumpgen once for each"}}
		}
	}
	if err := checkOwnMethods(pkg, objs); err != nil {
		return Result{}, err
	}
	p, err := plan(pkg, objs, v.promised)
	if err != nil {
		return Result{}, err
	}
	if cfg.Strict && len(p.Warns) > 0 {
		return Result{}, DiagnosticList(p.Warns)
	}
	out := cfg.Output
	if out == "" {
		dir := cfg.Dir
		if dir == "" {
			dir = "."
		}
		name := strings.ToLower(cfg.Types[0]) + "_jsondump.go"
		if tests && slices.ContainsFunc(objs, func(obj *types.TypeName) bool { return inTestFile(pkg, obj) }) {
			// Types of _test.go files are seen only by the test build.
			name = strings.ToLower(cfg.Types[0]) + "_jsondump_test.go"
		}
		out = filepath.Join(dir, name)
	}
	p.Build = buildConstraint(pkg, objs)
	f, err := emit(p, out)
	if err != nil {
		return Result{}, err
	}
	if err := checkShadowed(p, f); err != nil {
		return Result{}, err
	}
	var roots []string
	for _, n := range p.Roots {
		roots = append(roots, n.Name)
	}
	if err := typeCheck(v, f, pkg.ID, roots, p.awaited); err != nil {
		return Result{}, err
	}
	return Result{Files: []File{f}, Warnings: p.Warns}, nil
}

// buildConstraint returns the //go:build expression the generated file needs:
// that of the files declaring the -types (their conjunction when they
// differ), so that the methods exist exactly in the builds where the types
// do. It is "" when those files have none.
func buildConstraint(pkg *packages.Package, objs []*types.TypeName) string {
	var exprs []string
	for _, obj := range objs {
		pos := pkg.Fset.PositionFor(obj.Pos(), false) // the real file, not a //line name
		if x := fileNameConstraint(pos.Filename); x != "" && !slices.Contains(exprs, x) {
			exprs = append(exprs, x)
		}
		for _, f := range pkg.Syntax {
			if pkg.Fset.PositionFor(f.Package, false).Filename != pos.Filename {
				continue
			}
			for _, cg := range f.Comments {
				if cg.Pos() > f.Package {
					break
				}
				for _, c := range cg.List {
					if constraint.IsGoBuild(c.Text) {
						if x, err := constraint.Parse(c.Text); err == nil && !slices.Contains(exprs, x.String()) {
							exprs = append(exprs, x.String())
						}
					}
				}
			}
		}
	}
	switch len(exprs) {
	case 0:
		return ""
	case 1:
		return exprs[0]
	}
	for i, x := range exprs {
		exprs[i] = "(" + x + ")"
	}
	return strings.Join(exprs, " && ")
}

// fileNameConstraint returns the build constraint that a file's name
// implies, as go/build reads it: name_GOOS.go, name_GOARCH.go and
// name_GOOS_GOARCH.go (a _test suffix aside) build only there. It is "" for
// other names.
func fileNameConstraint(path string) string {
	name, _, _ := strings.Cut(filepath.Base(path), ".")
	name = strings.TrimSuffix(name, "_test")
	i := strings.Index(name, "_")
	if i < 0 {
		return ""
	}
	l := strings.Split(name[i:], "_")
	n := len(l)
	if n >= 2 && knownOS[l[n-2]] && knownArch[l[n-1]] {
		return l[n-2] + " && " + l[n-1]
	}
	if n >= 1 && (knownOS[l[n-1]] || knownArch[l[n-1]]) {
		return l[n-1]
	}
	return ""
}

// knownOS and knownArch are the GOOS and GOARCH values that go/build
// recognises in file names (its syslist).
var (
	knownOS = setOf("aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js",
		"linux", "nacl", "netbsd", "openbsd", "plan9", "solaris", "wasip1", "windows", "zos")
	knownArch = setOf("386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "loong64", "mips",
		"mipsle", "mips64", "mips64le", "mips64p32", "mips64p32le", "ppc", "ppc64", "ppc64le", "riscv",
		"riscv64", "s390", "s390x", "sparc", "sparc64", "wasm")
)

func setOf(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// checkShadowed reports each predeclared name that the generated file uses
// and the package declares, which would hide Go's from the file: the
// parser leaves such names unresolved in the file.
func checkShadowed(p *filePlan, f File) error {
	if len(p.shadowed) == 0 {
		return nil
	}
	file, err := parser.ParseFile(token.NewFileSet(), f.Path, f.Content, 0)
	if err != nil {
		return nil // typeCheck reports it
	}
	var diags DiagnosticList
	seen := map[string]bool{}
	for _, id := range file.Unresolved {
		if pos, ok := p.shadowed[id.Name]; ok && !seen[id.Name] {
			seen[id.Name] = true
			diags = append(diags, Diagnostic{Pos: relPos(pos), Msg: "the package declares " + id.Name +
				", which hides Go's predeclared " + id.Name + " that generated code uses; rename it"})
		}
	}
	if len(diags) > 0 {
		return diags
	}
	return nil
}
