package generator

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestHoldsLock checks that holdsLock sees a lock where go vet's copylocks
// does: a type whose pointer has Lock and Unlock and whose value does
// not, in place, through struct fields and arrays; not through pointers,
// slices, maps or interfaces.
func TestHoldsLock(t *testing.T) {
	src := `package x

import (
	"sync"
	"sync/atomic"
)

type Mu struct{ mu sync.Mutex }
type RW struct{ sync.RWMutex }
type At struct{ n atomic.Int64 }
type Arr [2]Mu
type Deep struct{ a [1]struct{ b At } }
type OwnLocker struct{ n int }

func (*OwnLocker) Lock()   {}
func (*OwnLocker) Unlock() {}

type ValueLocker struct{ n int }

func (ValueLocker) Lock()   {}
func (ValueLocker) Unlock() {}

type Ptr struct{ mu *sync.Mutex }
type Slice []sync.Mutex
type Map map[string]sync.Mutex
type Iface struct{ l sync.Locker }
type Plain struct{ A int }
type Gen[T any] struct{ V T }
type GenLock[T interface{ ~struct{ sync.Mutex } }] struct{ V T }
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	pkg, err := conf.Check("x", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Skipf("type-checking sync from source: %v", err)
	}
	p := &planner{locks: map[types.Type]bool{}}
	for name, want := range map[string]bool{
		"Mu": true, "RW": true, "At": true, "Arr": true, "Deep": true, "OwnLocker": true,
		"ValueLocker": false, "Ptr": false, "Slice": false, "Map": false, "Iface": false, "Plain": false,
		"Gen": false, "GenLock": true, // its field V, of a type parameter whose terms hold a lock
	} {
		typ := pkg.Scope().Lookup(name).Type()
		if got := p.holdsLock(typ); got != want {
			t.Errorf("holdsLock(%s) = %v, want %v", name, got, want)
		}
	}
	// A type parameter whose constraint's terms hold a lock holds one.
	gl := pkg.Scope().Lookup("GenLock").Type().(*types.Named)
	if !p.holdsLock(gl.TypeParams().At(0)) {
		t.Errorf("holdsLock(T ~struct{ sync.Mutex }) = false, want true")
	}
}

func TestGenerateDirectiveTypes(t *testing.T) {
	src := "package x\n\n" +
		"//go:generate go tool jsondumpgen -type=A,B\n" +
		"//go:generate go run github.com/jsondump/jsondump/cmd/jsondumpgen@v1.2.3 -output=x.go --type=C\n" +
		"//go:generate jsondumpgen -type D\n" +
		"//go:generate stringer -type=NotMine\n" +
		"// go:generate go tool jsondumpgen -type=NotADirective\n" +
		"//go:generate go tool jsondumpgenx -type=NotIt\n"
	path := filepath.Join(t.TempDir(), "x.go")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, want := generateDirectiveTypes(path), []string{"A", "B", "C", "D"}; !slices.Equal(got, want) {
		t.Errorf("generateDirectiveTypes = %q, want %q", got, want)
	}
}

func TestMissingType(t *testing.T) {
	for msg, want := range map[string]string{
		"(&A{…}).Dumps undefined (type *A has no field or method Dumps)":                                                                           "A",
		"u.Dumps undefined (type *models.User has no field or method Dumps)":                                                                       "models.User",
		"(&v.U).JSONDumpEncode undefined (type *gx.Box[int] has no field or method JSONDumpEncode)":                                                "gx.Box",
		"cannot use &a (value of type *A) as jsondump.Dumper value in argument to f: *A does not implement jsondump.Dumper (missing method Dumps)": "A",
		"x.Other undefined (type *A has no field or method Other)":                                                                                 "",
	} {
		if got := missingType(msg); got != want {
			t.Errorf("missingType(%q) = %q, want %q", msg, got, want)
		}
	}
}

func TestImportable(t *testing.T) {
	for _, c := range []struct {
		from, path string
		want       bool
	}{
		{"example.com/m/x", "example.com/other", true},
		{"example.com/m/x", "example.com/m/internal/y", true},
		{"example.com/m", "example.com/m/internal", true},
		{"example.com/m/x", "example.com/other/internal/y", false},
		{"example.com/m/x", "example.com/other/internal", false},
		{"example.com/m/x", "internal/abi", false},
	} {
		if got := importable(c.from, c.path); got != c.want {
			t.Errorf("importable(%q, %q) = %v, want %v", c.from, c.path, got, c.want)
		}
	}
}

func TestChooseNames(t *testing.T) {
	taken := map[string]bool{"e": true, "e_": true, "i0": true, "i_1": true}
	if got := chooseName("e", taken); got != "e__" {
		t.Errorf("chooseName(e) = %q, want e__", got)
	}
	if got := chooseName("v", taken); got != "v" {
		t.Errorf("chooseName(v) = %q, want v", got)
	}
	if got := choosePrefix("i", taken); got != "i__" {
		t.Errorf("choosePrefix(i) = %q, want i__ (i0 and i_1 are taken)", got)
	}
	if got := choosePrefix("z", taken); got != "z" {
		t.Errorf("choosePrefix(z) = %q, want z", got)
	}
}
