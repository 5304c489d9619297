package main

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/jsondump/jsondump/internal/pyoracle"
	"github.com/jsondump/jsondump/internal/testmod"
)

// The scenarios of issue 14 run jsondumpgen as users run it: in a
// throwaway module that requires this checkout (replaced) and records the
// generator as a tool (go get -tool, from the module cache), with
// //go:generate go tool jsondumpgen lines, through go generate ./..., go
// build, go vet and go run or go test. The go command builds the command
// from this checkout, as it would from a module version.

// A scenario is one throwaway module.
type scenario struct {
	t   *testing.T
	dir string
}

// newScenario writes files (slash-separated paths) into a new module
// example.com/m and records jsondumpgen as its tool.
func newScenario(t *testing.T, files map[string]string) *scenario {
	t.Helper()
	if testing.Short() {
		t.Skip("runs go generate, go build and go vet in a module")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skipf("go tool not found: %v", err)
	}
	s := &scenario{t: t, dir: t.TempDir()}
	testmod.Write(t, s.dir, "example.com/m")
	s.write(files)
	s.mustGo("get", "-tool", "github.com/jsondump/jsondump/cmd/jsondumpgen")
	return s
}

func (s *scenario) path(name string) string { return filepath.Join(s.dir, filepath.FromSlash(name)) }

func (s *scenario) write(files map[string]string) {
	s.t.Helper()
	for name, src := range files {
		if err := os.MkdirAll(filepath.Dir(s.path(name)), 0o755); err != nil {
			s.t.Fatal(err)
		}
		if err := os.WriteFile(s.path(name), []byte(src), 0o644); err != nil {
			s.t.Fatal(err)
		}
	}
}

func (s *scenario) read(name string) string {
	s.t.Helper()
	data, err := os.ReadFile(s.path(name))
	if err != nil {
		s.t.Fatal(err)
	}
	return string(data)
}

// goCmd runs the go command in the module, offline, and returns its
// combined output. -mod=mod lets it complete go.sum from the module cache.
func (s *scenario) goCmd(args ...string) (string, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = s.dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func (s *scenario) mustGo(args ...string) string {
	s.t.Helper()
	out, err := s.goCmd(args...)
	if err != nil {
		s.t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

// generated returns the module's generated files and their contents.
func (s *scenario) generated() map[string]string {
	s.t.Helper()
	out := map[string]string{}
	filepath.WalkDir(s.dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && strings.Contains(d.Name(), "_jsondump") {
			rel, _ := filepath.Rel(s.dir, path)
			out[filepath.ToSlash(rel)] = s.read(filepath.ToSlash(rel))
		}
		return nil
	})
	return out
}

// generateOnce runs go generate ./... once, which must succeed, then go
// vet ./... (which builds every package, tests included), and checks that
// a second go generate ./... changes nothing: the output does not depend on
// the order go generate took.
func (s *scenario) generateOnce() {
	s.t.Helper()
	s.mustGo("generate", "./...")
	s.mustGo("vet", "./...")
	first := s.generated()
	s.mustGo("generate", "./...")
	if second := s.generated(); !maps_equal(first, second) {
		s.t.Errorf("a second go generate ./... changed the generated files:\nfirst:  %v\nsecond: %v", keys(first), keys(second))
	}
}

func maps_equal(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// python returns the lines python3 prints for script.
func python(t *testing.T, script string) []string {
	t.Helper()
	return pyoracle.Lines(pyoracle.Run(t, script, nil))
}

// TestScenarioTwoLinesCallingEachOther: two go:generate lines in one
// package, with code that calls the other's methods, in both orders of the
// files and with both calling each other; one go generate ./... run
// generates both (item 1).
func TestScenarioTwoLinesCallingEachOther(t *testing.T) {
	a := "package main\n\n//go:generate go tool jsondumpgen -type=A\ntype A struct{ X int }\n"
	b := "package main\n\n//go:generate go tool jsondumpgen -type=B\ntype B struct{ Y int }\n"
	callA := "\nfunc main() {\n\ts, err := (&A{X: 1}).Dumps()\n\tprintln(s, err == nil)\n\tcallB()\n}\n"
	for _, c := range []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"b calls a, a first", map[string]string{"a.go": a, "b.go": b + callA + "\nfunc callB() {}\n"}, "{\"X\": 1} true\n"},
		{"a calls b, a first", map[string]string{"a.go": a + callA, "b.go": b + "\nfunc callB() {}\n"}, "{\"X\": 1} true\n"},
		{"each calls the other", map[string]string{
			"a.go": a + "\nfunc callB() {\n\ts, _ := (&B{Y: 2}).Dumps()\n\tprintln(s)\n}\n",
			"b.go": b + callA,
		}, "{\"X\": 1} true\n{\"Y\": 2}\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := newScenario(t, c.files)
			s.generateOnce()
			if out := s.mustGo("run", "."); out != c.want {
				t.Errorf("go run . printed %q, want %q", out, c.want)
			}
		})
	}
}

// TestScenarioTestFileType: a type of a _test.go file whose test calls a
// generated method of a type of the package (item 1), in both orders of
// the files.
func TestScenarioTestFileType(t *testing.T) {
	a := "package m\n\n//go:generate go tool jsondumpgen -type=A\ntype A struct{ X int }\n"
	fix := "package m\n\nimport \"testing\"\n\n//go:generate go tool jsondumpgen -type=Fix\ntype Fix struct {\n\tA A `json:\"a\"`\n}\n\n" +
		"func TestFix(t *testing.T) {\n\ts, err := (&A{X: 3}).Dumps()\n\tf, err2 := (&Fix{A: A{X: 4}}).Dumps()\n" +
		"\tif s != `{\"X\": 3}` || f != `{\"a\": {\"X\": 4}}` || err != nil || err2 != nil {\n\t\tt.Fatal(s, f, err, err2)\n\t}\n}\n"
	for _, names := range [][2]string{{"m.go", "z_test.go"}, {"z.go", "a_test.go"}} {
		t.Run(names[0]+","+names[1], func(t *testing.T) {
			s := newScenario(t, map[string]string{names[0]: a, names[1]: fix})
			s.generateOnce()
			s.mustGo("test", "./...")
		})
	}
}

// modelsFiles is a module whose main package calls the generated methods
// of another package, and writes its types, both generated by their own
// go:generate lines; go generate ./... visits main first.
var modelsFiles = map[string]string{
	"main.go": `package main

import (
	"fmt"

	"example.com/m/models"
)

//go:generate go tool jsondumpgen -type=Page
type Page struct {
	User  models.User            ` + "`json:\"user\"`" + `
	Users []models.User          ` + "`json:\"users\"`" + `
	ByID  map[string]models.User ` + "`json:\"by_id\"`" + `
	Addr  models.Addr            ` + "`json:\"addr\"`" + `
}

func main() {
	s, err := (&models.User{Name: "é"}).Dumps()
	fmt.Println(s, err)
	p := &Page{User: models.User{Name: "a"}, ByID: map[string]models.User{"k": {Name: "b"}}}
	s, err = p.Dumps()
	fmt.Println(s, err)
}
`,
	"models/models.go": `package models

//go:generate go tool jsondumpgen -type=User
type User struct {
	Name string ` + "`json:\"name\"`" + `
}

// Addr has no go:generate line: Page's file writes it field by field.
type Addr struct {
	City string
}

// JSON calls the generated Dumps: models does not compile before its
// go:generate line ran, which go generate ./... reaches after main's.
func (u *User) JSON() string { s, _ := u.Dumps(); return s }
`,
}

// TestScenarioCrossPackage: package main with its own go:generate line,
// calling and writing the types of another package of the module that go
// generate ./... reaches after it, and which calls its own generated
// methods; then a field added to that package's generated type (item 1,
// and item 2 across packages).
func TestScenarioCrossPackage(t *testing.T) {
	s := newScenario(t, modelsFiles)
	s.generateOnce()
	want := "{\"name\": \"\\u00e9\"} <nil>\n{\"user\": {\"name\": \"a\"}, \"users\": null, \"by_id\": {\"k\": {\"name\": \"b\"}}, \"addr\": {\"City\": \"\"}} <nil>\n"
	if out := s.mustGo("run", "."); out != want {
		t.Errorf("go run . printed %q, want %q", out, want)
	}
	// A field added to models.User: models' own generated file stops
	// compiling, which go generate ./... (main first) must get past.
	s.write(map[string]string{"models/models.go": strings.Replace(modelsFiles["models/models.go"],
		"Name string `json:\"name\"`", "Name string `json:\"name\"`\n\tAge  int    `json:\"age\"`", 1)})
	out, err := s.goCmd("build", "./...")
	if err == nil || !strings.Contains(out, "jsondumpgen_User_changed__run_go_generate") {
		t.Errorf("go build after a field was added to models.User: %v\n%s\nwant a failure naming jsondumpgen_User_changed__run_go_generate", err, out)
	}
	s.generateOnce()
	want = "{\"name\": \"\\u00e9\", \"age\": 0} <nil>\n{\"user\": {\"name\": \"a\", \"age\": 0}, \"users\": null, \"by_id\": {\"k\": {\"name\": \"b\", \"age\": 0}}, \"addr\": {\"City\": \"\"}} <nil>\n"
	if out := s.mustGo("run", "."); out != want {
		t.Errorf("after go generate, go run . printed %q, want %q", out, want)
	}
}

// staleFiles is a package whose generated file depends on the declarations
// of its own types and of types of another package written field by field.
var staleFiles = map[string]string{
	"t.go": `package m

import "example.com/m/other"

//go:generate go tool jsondumpgen -type=T
type T struct {
	A int    ` + "`json:\"a\"`" + `
	B string ` + "`json:\"b,omitempty\"`" + `
	Base
	Temp Celsius
	F    other.Foreign
	H    other.Hidden
}

type Base struct {
	ID int ` + "`json:\"id\"`" + `
}

type Celsius float64
`,
	"other/other.go": `package other

import "sync"

// Foreign has no go:generate line.
type Foreign struct {
	X int ` + "`json:\"x\"`" + `
	Y string
}

// Hidden has fields another package cannot spell.
type Hidden struct {
	mu    sync.Mutex
	Name  string ` + "`json:\"name\"`" + `
	count int
	Score float64
}
`,
}

// TestScenarioStale: generated code stops compiling, with a message that
// says to run go generate, when a type it was generated from changed: a
// field added, removed, retagged, reordered or retyped, in the package or
// in another one, including one whose unexported fields cannot be spelled
// (item 2). go generate then makes it build again.
func TestScenarioStale(t *testing.T) {
	s := newScenario(t, staleFiles)
	s.generateOnce()
	for _, c := range []struct {
		name, file, old, new, hint string
	}{
		{"field added", "t.go", "\tB string `json:\"b,omitempty\"`\n", "\tB string `json:\"b,omitempty\"`\n\tC bool\n", "T"},
		{"field removed", "t.go", "\tB string `json:\"b,omitempty\"`\n", "", "T"},
		{"field retagged", "t.go", "`json:\"b,omitempty\"`", "`json:\"bee,omitempty\"`", "T"},
		{"fields reordered", "t.go", "\tA int    `json:\"a\"`\n\tB string `json:\"b,omitempty\"`\n", "\tB string `json:\"b,omitempty\"`\n\tA int    `json:\"a\"`\n", "T"},
		{"field retyped", "t.go", "\tA int    `json:\"a\"`", "\tA int64  `json:\"a\"`", "T"},
		{"embedded struct changed", "t.go", "\tID int `json:\"id\"`\n", "\tID int `json:\"id\"`\n\tTag string\n", "Base"},
		{"basic kind changed", "t.go", "type Celsius float64", "type Celsius int", "Celsius"},
		{"foreign field added", "other/other.go", "\tY string\n", "\tY string\n\tZ []int\n", "other_Foreign"},
		{"foreign field retagged", "other/other.go", "`json:\"x\"`", "`json:\"ex\"`", "other_Foreign"},
		{"foreign unexported-field struct: field added", "other/other.go", "\tScore float64\n", "\tScore float64\n\tRank  int\n", "other_Hidden"},
		{"foreign unexported-field struct: field retyped", "other/other.go", "\tScore float64\n", "\tScore int\n", "other_Hidden"},
		{"foreign unexported-field struct: fields reordered", "other/other.go", "\tName  string `json:\"name\"`\n\tcount int\n\tScore float64\n", "\tScore float64\n\tcount int\n\tName  string `json:\"name\"`\n", "other_Hidden"},
	} {
		t.Run(c.name, func(t *testing.T) {
			orig := s.read(c.file)
			defer s.write(map[string]string{c.file: orig})
			changed := strings.Replace(orig, c.old, c.new, 1)
			if changed == orig {
				t.Fatalf("the change does not apply to %s", c.file)
			}
			s.write(map[string]string{c.file: changed})
			out, err := s.goCmd("build", "./...")
			hint := "jsondumpgen_" + c.hint + "_changed__run_go_generate"
			if err == nil || !strings.Contains(out, hint) {
				t.Errorf("go build: %v\n%s\nwant a failure naming %s", err, out, hint)
			}
		})
	}
	s.mustGo("build", "./...")
	// After go generate, the new field is written.
	s.write(map[string]string{"t.go": strings.Replace(s.read("t.go"), "\tB string `json:\"b,omitempty\"`\n", "\tB string `json:\"b,omitempty\"`\n\tC bool `json:\"c\"`\n", 1),
		"main_test.go": "package m\n\nimport \"testing\"\n\nfunc TestC(t *testing.T) {\n\tif s, _ := (&T{C: true}).Dumps(); s != `{\"a\": 0, \"c\": true, \"id\": 0, \"Temp\": 0.0, \"F\": {\"x\": 0, \"Y\": \"\"}, \"H\": {\"name\": \"\", \"Score\": 0.0}}` {\n\t\tt.Fatal(s)\n\t}\n}\n"})
	s.generateOnce()
	s.mustGo("test", "./...")
}

// lockFiles holds types with locks, as go vet's copylocks sees them.
var lockFiles = map[string]string{
	"locks.go": `package main

import (
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/jsondump/jsondump"
)

//go:generate go tool jsondumpgen -type=Stats,Counter,Box

type Counter struct {
	mu sync.Mutex
	N  int ` + "`json:\"n\"`" + `
}

type Box[T any] struct {
	V T ` + "`json:\"v\"`" + `
}

type Stats struct {
	mu     sync.RWMutex
	Hits   atomic.Int64             ` + "`json:\"hits\"`" + `
	ByKey  map[string]Counter       ` + "`json:\"by_key\"`" + `
	Arr    [2]Counter               ` + "`json:\"arr\"`" + `
	List   []Counter                ` + "`json:\"list\"`" + `
	Ptr    *Counter                 ` + "`json:\"ptr\"`" + `
	Opt    Counter                  ` + "`json:\"opt,omitzero\"`" + `
	Boxed  Box[Counter]             ` + "`json:\"boxed\"`" + `
	Boxes  map[int]Box[Counter]     ` + "`json:\"boxes\"`" + `
	Nested map[string][2]Counter    ` + "`json:\"nested\"`" + `
	Anon   map[string]struct{ sync.Mutex; K string } ` + "`json:\"anon\"`" + `
	Counter
}

func main() {
	s := &Stats{
		ByKey:  map[string]Counter{"b": {N: 2}, "a": {N: 1}},
		List:   []Counter{{N: 5}},
		Ptr:    &Counter{N: 6},
		Boxed:  Box[Counter]{V: Counter{N: 7}},
		Boxes:  map[int]Box[Counter]{2: {V: Counter{N: 8}}},
		Nested: map[string][2]Counter{"x": {{N: 9}}},
		Anon:   map[string]struct{ sync.Mutex; K string }{"k": {K: "é"}},
	}
	s.Hits.Store(4)
	s.Counter.N = 3
	for _, opts := range [][]jsondump.Option{nil, {jsondump.SortKeys(true), jsondump.Indent(1)}} {
		out, err := s.Dumps(opts...)
		fmt.Println(out, err)
		out, err = jsondump.Dumps(s, opts...)
		fmt.Println(out, err)
		out, err = jsondump.Dumps([]any{&s.List[0], s.Ptr}, opts...)
		fmt.Println(out, err)
	}
}
`,
}

// TestScenarioLocks: types that hold a sync.Mutex, a sync.RWMutex or a
// sync/atomic value, in place, in map values, arrays, slices, embedded,
// anonymous and instantiating a generic type: the generated code is
// go vet-clean, and writes what python3 writes (item 3).
func TestScenarioLocks(t *testing.T) {
	s := newScenario(t, lockFiles)
	s.generateOnce()
	out := s.mustGo("run", ".")
	py := `import json
c = lambda n: {'n': n}
s = {'hits': {}, 'by_key': {'a': c(1), 'b': c(2)}, 'arr': [c(0), c(0)], 'list': [c(5)], 'ptr': c(6),
     'boxed': {'v': c(7)}, 'boxes': {'2': {'v': c(8)}}, 'nested': {'x': [c(9), c(0)]}, 'anon': {'k': {'K': 'é'}}, 'n': 3}
for kw in [{}, {'sort_keys': True, 'indent': 1}]:
    for v in [s, s, [c(5), c(6)]]:
        print(json.dumps(v, **kw), '<nil>')
`
	want := strings.Join(python(t, py), "\n") + "\n"
	if out != want {
		t.Errorf("go run . printed\n%s\nwant (python3)\n%s", out, want)
	}
	gen := s.read("stats_jsondump.go")
	for _, w := range []string{"func (*Counter) JSONDumpEncode(", "jsondumprt.ByPointer("} {
		if !strings.Contains(gen, w) {
			t.Errorf("stats_jsondump.go lacks %q", w)
		}
	}
}

// namesFiles declares, at package level, every name a generated file
// introduces (its variables and its imports), in the package and in its
// _test.go file, and uses type e in fields and as a type parameter's name.
var namesFiles = map[string]string{
	"names.go": `package main

import (
	mdl "example.com/m/models"
	"fmt"
)

//go:generate go tool jsondumpgen -type=T,G

type e int

type v string

type G[e any, jsondumprt comparable] struct {
	A e                     ` + "`json:\"a\"`" + `
	M map[string]jsondumprt ` + "`json:\"m\"`" + `
	L []map[string][]e      ` + "`json:\"l\"`" + `
}

type T struct {
	E  e                ` + "`json:\"e\"`" + `
	V  v                ` + "`json:\"v\"`" + `
	M  map[string]e     ` + "`json:\"m\"`" + `
	Z  [2][]e           ` + "`json:\"z,omitzero\"`" + `
	S  []map[string][]e ` + "`json:\"s\"`" + `
	Q  e                ` + "`json:\"q,string\"`" + `
	F  mdl.Foo          ` + "`json:\"f\"`" + `
	GI G[e, string]     ` + "`json:\"g\"`" + `
}

var w, p, x, y, d, dst, opts, mark = 1, 2, 3, 4, 5, 6, 7, 8
var i0, i1, i2, v1, v2, v3, z0, z1 = 1, 2, 3, 4, 5, 6, 7, 8
var io, jsondumprt, jsondump, unsafe, models = 1, 2, 3, 4, 5

func main() {
	t := &T{E: 1, V: "é", M: map[string]e{"k": 2}, S: []map[string][]e{{"a": {3}}}, Q: 4,
		F: mdl.Foo{N: 5}, GI: G[e, string]{A: 6, M: map[string]string{"s": "t"}, L: []map[string][]e{nil}}}
	s, err := t.Dumps()
	fmt.Println(s, err)
}
`,
	"names_test.go":    "package main\n\nvar e_, v_, jsondumprt_, io_, i_0 = 1, 2, 3, 4, 5\n",
	"models/models.go": "package models\n\ntype Foo struct {\n\tN int `json:\"n\"`\n}\n",
}

// TestScenarioNames: a package that declares, at package level, every
// name generated code would otherwise take (e, v, w, p, x, dst, opts, mark,
// i0, v1, z0, io, jsondumprt, jsondump, unsafe, models, and those names
// with an underscore in its _test.go file) and a type e used in fields and
// as a type parameter's name: generation succeeds, and the code builds,
// vets and writes what python3 writes (item 4).
func TestScenarioNames(t *testing.T) {
	s := newScenario(t, namesFiles)
	s.generateOnce()
	s.mustGo("test", "./...") // builds names_test.go with the generated file
	out := s.mustGo("run", ".")
	py := `import json
print(json.dumps({'e': 1, 'v': 'é', 'm': {'k': 2}, 's': [{'a': [3]}], 'q': '4', 'f': {'n': 5},
                  'g': {'a': 6, 'm': {'s': 't'}, 'l': [None]}}), '<nil>')
`
	if want := strings.Join(python(t, py), "\n") + "\n"; out != want {
		t.Errorf("go run . printed %q, want (python3) %q", out, want)
	}
	// The generated file declares none of the package's names: no
	// import, parameter, result or variable of its functions takes one.
	// (The type parameters of the generic functions are the type's own.)
	pkgNames := map[string]bool{}
	fset := token.NewFileSet()
	for _, name := range []string{"names.go", "names_test.go"} {
		f, err := parser.ParseFile(fset, s.path(name), nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for n := range f.Scope.Objects {
			pkgNames[n] = true
		}
	}
	gen, err := parser.ParseFile(fset, s.path("t_jsondump.go"), nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	declared := map[string]bool{}
	for _, imp := range gen.Imports {
		name := strings.Trim(imp.Path.Value, `"`)
		name = name[strings.LastIndex(name, "/")+1:]
		if imp.Name != nil {
			name = imp.Name.Name
		}
		if name == "runtime" {
			t.Errorf("t_jsondump.go imports the runtime without its alias")
		}
		declared[name] = true
	}
	idents := func(list *ast.FieldList) {
		if list != nil {
			for _, f := range list.List {
				for _, n := range f.Names {
					declared[n.Name] = true
				}
			}
		}
	}
	ast.Inspect(gen, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			idents(n.Recv)
		case *ast.FuncType:
			idents(n.Params)
			idents(n.Results)
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE {
				for _, l := range n.Lhs {
					declared[l.(*ast.Ident).Name] = true
				}
			}
		case *ast.RangeStmt:
			if id, ok := n.Key.(*ast.Ident); ok && n.Tok == token.DEFINE {
				declared[id.Name] = true
			}
		case *ast.DeclStmt:
			for _, spec := range n.Decl.(*ast.GenDecl).Specs {
				switch spec := spec.(type) {
				case *ast.ValueSpec:
					for _, id := range spec.Names {
						declared[id.Name] = true
					}
				case *ast.TypeSpec:
					declared[spec.Name.Name] = true
				}
			}
		}
		return true
	})
	for name := range declared {
		if pkgNames[name] {
			t.Errorf("t_jsondump.go declares %s, a name of the package", name)
		}
	}
	if len(declared) < 10 {
		t.Errorf("found only %v declared in t_jsondump.go", keys2(declared))
	}
}

func keys2(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// TestScenarioPromotion: a struct that embeds a generated type but is not
// generated itself is warned of, with its position; with -strict the
// warning is an error and nothing is written (item 5).
func TestScenarioPromotion(t *testing.T) {
	src := "package m\n\n//go:generate go tool jsondumpgen -type=A\ntype A struct{ X int }\n\ntype W struct {\n\tA\n\tY int\n}\n\n" +
		"//go:generate go tool jsondumpgen -type=G\ntype G struct {\n\tA\n\tZ int\n}\n"
	s := newScenario(t, map[string]string{"a.go": src})
	out := s.mustGo("generate", "./...")
	want := "a.go:6:6: type W embeds A and gets its Dumps, AppendDumps and Dump by promotion, which write A's fields only; add W to -type (-type=A,W) so that it has methods of its own (warning)"
	if !strings.Contains(out, want) {
		t.Errorf("go generate printed\n%s\nwant the warning\n%s", out, want)
	}
	if strings.Count(out, "embeds") != 1 {
		t.Errorf("go generate printed\n%s\nwant one warning (G is generated)", out)
	}
	s.mustGo("vet", "./...")
	s.write(map[string]string{"a.go": strings.Replace(src, "-type=A\n", "-type=A -strict\n", 1)})
	os.Remove(s.path("a_jsondump.go"))
	out, err := s.goCmd("generate", "./...")
	if err == nil || !strings.Contains(out, strings.TrimSuffix(want, " (warning)")) || strings.Contains(out, "(warning)") {
		t.Errorf("go generate with -strict: %v\n%s\nwant a failure with the warning as an error", err, out)
	}
	if _, err := os.Stat(s.path("a_jsondump.go")); err == nil {
		t.Errorf("jsondumpgen -strict wrote a_jsondump.go")
	}
}

// TestScenarioDiagnostics: a directory that does not exist, a file given
// for the directory and an unknown type are said so, each message
// beginning with jsondumpgen: (item 8).
func TestScenarioDiagnostics(t *testing.T) {
	s := newScenario(t, map[string]string{"x.go": "package m\n\ntype T struct{ A int }\n"})
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-type=D", "./nonexistent"}, "jsondumpgen: loading ./nonexistent: no such directory\n"},
		{[]string{"-type=D", "x.go"}, "jsondumpgen: loading x.go: it is a file, not a directory: jsondumpgen takes the package's directory"},
		{[]string{"-type=Nope"}, "jsondumpgen: type Nope not found in package example.com/m; -type names a defined type declared at package level\n"},
		{[]string{"-type=t"}, "jsondumpgen: type t not found in package example.com/m; -type names a defined type declared at package level; did you mean T?\n"},
	} {
		out, err := s.goCmd(append([]string{"tool", "jsondumpgen"}, c.args...)...)
		if err == nil || !strings.HasPrefix(out, c.want) || strings.Contains(out, "fork/exec") {
			t.Errorf("go tool jsondumpgen %s: %v\n%s\nwant a failure beginning %q", strings.Join(c.args, " "), err, out, c.want)
		}
	}
}

// generateLine matches a go:generate line, or the documentation of one,
// that runs jsondumpgen, and the way it runs it.
var generateLine = regexp.MustCompile(`(?m)^\s*(?://\s*)?//go:generate (.*?jsondumpgen)\b`)

// TestScenarioGenerateForm: every go:generate line of the repository that
// runs jsondumpgen (README, the command's documentation and usage, the
// examples, bench, testdata) runs it as go tool jsondumpgen; and that form
// survives go mod tidy, which drops the generator's dependencies that a
// go run line needs (item 9).
func TestScenarioGenerateForm(t *testing.T) {
	root := testmod.Root(t)
	n := 0
	filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() && (d.Name() == ".git" || d.Name() == "fuzz") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, ".md") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range generateLine.FindAllSubmatch(data, -1) {
			n++
			if string(m[1]) != "go tool jsondumpgen" {
				rel, _ := filepath.Rel(root, path)
				t.Errorf("%s: %q runs jsondumpgen as %q, want go tool jsondumpgen", rel, bytes.TrimSpace(m[0]), m[1])
			}
		}
		return nil
	})
	if n < 8 {
		t.Errorf("found %d go:generate lines that run jsondumpgen, want README's, the examples' and bench's", n)
	}
	usage, _ := run(t, t.TempDir(), "-h")
	if !strings.Contains(usage, "//go:generate go tool jsondumpgen -type=Employee") {
		t.Errorf("jsondumpgen -h: %q lacks the go:generate line", usage)
	}
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(readme, []byte("go mod tidy")) {
		t.Errorf("README does not say what go mod tidy does to the generator's dependencies")
	}

	// go mod tidy keeps a tool's dependencies and drops those of a go
	// run line. (-e: offline, the tests of some dependencies cannot be
	// resolved; tidy still writes what it can.)
	src := "package m\n\nimport \"github.com/jsondump/jsondump\"\n\n//go:generate %s -type=A\ntype A struct{ X int }\n\nvar _ jsondump.Option\n"
	tool := newScenario(t, map[string]string{"a.go": strings.Replace(src, "%s", "go tool jsondumpgen", 1)})
	tool.goCmd("mod", "tidy", "-e")
	if out, err := tool.userGo("generate", "./..."); err != nil {
		t.Errorf("go tool jsondumpgen after go mod tidy: %v\n%s", err, out)
	}
	gorun := newScenario(t, map[string]string{"a.go": strings.Replace(src, "%s", "go run github.com/jsondump/jsondump/cmd/jsondumpgen", 1)})
	if err := os.WriteFile(gorun.path("go.mod"), []byte(strings.Replace(gorun.read("go.mod"), "tool github.com/jsondump/jsondump/cmd/jsondumpgen", "", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	gorun.goCmd("mod", "tidy", "-e")
	if out, err := gorun.userGo("generate", "./..."); err == nil || !strings.Contains(out, "missing go.sum entry") {
		t.Errorf("go run github.com/jsondump/jsondump/cmd/jsondumpgen after go mod tidy: %v\n%s\nwant the missing go.sum entry that README describes", err, out)
	}
}

// userGo runs the go command as a user's shell does: no -mod=mod, so a
// missing go.sum entry is an error, and still offline.
func (s *scenario) userGo(args ...string) (string, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = s.dir
	cmd.Env = append(os.Environ(), "GOFLAGS=", "GOPROXY=off", "GOWORK=off")
	out, err := cmd.CombinedOutput()
	return string(out), err
}
