package generator

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files with the current generator output")

// goldenCases are the testdata packages and the -type names given for them.
var goldenCases = []struct {
	name  string
	types []string
}{
	{"basic", []string{"Basic"}},
	{"nested", []string{"Doc", "List", "Keys"}},
	{"recursive", []string{"Node"}},
	{"marshalers", []string{"Event", "Point"}},
	{"shapes", []string{"Shapes", "Bytes"}},
	{"generic", []string{"Feed", "Page", "Pair"}},
	{"dict", []string{"Webhook"}},
}

func testdataDir(t testing.TB, parts ...string) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join(append([]string{"..", "testdata"}, parts...)...))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func goldenDir(t testing.TB, name string) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "golden", name))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestGolden(t *testing.T) {
	for _, c := range goldenCases {
		t.Run(c.name, func(t *testing.T) {
			res, err := Generate(Config{Dir: testdataDir(t, c.name), Types: c.types})
			files := res.Files
			if err != nil {
				t.Fatalf("Generate(%s): %v", c.name, err)
			}
			if len(files) != 1 {
				t.Fatalf("Generate(%s) returned %d files, want 1", c.name, len(files))
			}
			f := files[0]
			if want := strings.ToLower(c.types[0]) + "_jsondump.go"; filepath.Base(f.Path) != want {
				t.Errorf("Generate(%s): Path = %s, want base name %s", c.name, f.Path, want)
			}
			if !bytes.HasPrefix(f.Content, []byte(headerLine+"\n")) {
				t.Errorf("Generate(%s): content does not begin with the header", c.name)
			}
			golden := filepath.Join(goldenDir(t, c.name), filepath.Base(f.Path))
			want, err := os.ReadFile(golden)
			if *update {
				if err != nil || !bytes.Equal(want, f.Content) {
					if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(golden, f.Content, 0o644); err != nil {
						t.Fatal(err)
					}
					t.Logf("updated %s", golden)
				}
				return
			}
			if err != nil {
				t.Fatalf("%v (run: go test ./generator -update)", err)
			}
			if !bytes.Equal(f.Content, want) {
				t.Errorf("Generate(%s): output differs from %s (run: go test ./generator -update)\n%s", c.name, golden, lineDiff(string(f.Content), string(want)))
			}
		})
	}
}

// TestDeterministic checks that two runs give the same bytes.
func TestDeterministic(t *testing.T) {
	c := goldenCases[1]
	a, err := Generate(Config{Dir: testdataDir(t, c.name), Types: c.types})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Generate(Config{Dir: testdataDir(t, c.name), Types: c.types})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Files[0].Content, b.Files[0].Content) {
		t.Errorf("Generate(%s) is not deterministic", c.name)
	}
}

// lineDiff reports the first differing line, got before want.
func lineDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + itoa(i+1) + ":\n got: " + gl + "\nwant: " + wl
		}
	}
	return ""
}
