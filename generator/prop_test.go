package generator

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/jsondump/jsondump/internal/pyoracle"
)

// TestGeneratorProperty is the generator's property test. From each seed it
// writes a random package (prop_model_test.go): struct types nesting every
// kind and tag the generator supports, embedded structs and pointers,
// named basic types, marshalers, any fields. It runs Generate on the package
// with every type named to -type, and writes random values of the roots
// as Go composite literals (prop_value_test.go), next to the tagged tree of
// each value's Python equivalent, computed by the test's own model of
// README's mapping and encoding/json's struct rules, never by jsondump.
//
// One go build compiles a batch of packages with one driver, which prints
// every value's Dumps under each option set (or its error); one python3
// process rebuilds the same values from their tagged trees and prints
// json.dumps of each under the same keyword arguments. Outputs and errors
// must be the same bytes. The driver also checks that AppendDumps, Dump and
// the dynamic path (jsondump.Dumps of T and *T) agree with Dumps.
//
// Short mode skips it. The default run is 4 seeds; a long run:
//
//	JSONDUMP_PROP_SEEDS=200 go test ./generator -run TestGeneratorProperty -timeout 60m
//
// Environment:
//
//	JSONDUMP_PROP_SEEDS     number of seeds (packages), default 4
//	JSONDUMP_PROP_SEED      first seed, default 1
//	JSONDUMP_PROP_TYPES     random named types per package, default 8
//	JSONDUMP_PROP_VALUES    values per package, default 50
//	JSONDUMP_PROP_BATCH     packages per go build and python3 process, default 10
//	JSONDUMP_PROP_FEATURES  features on/off, e.g. "pending" or "generics,-bigint" (propFeatureHelp)
//	JSONDUMP_PROP_WORK      keep the generated module in this directory
//	JSONDUMP_PROP_MAXFAIL   mismatches printed, default 20
//
// Features (propFeatureDefaults in prop_model_test.go) switch kinds of
// types, tags and values on and off. Those the generator did not support
// when this test was written — generic types, anonymous struct types,
// map[any]V keys, named byte slices, omitzero on types == cannot compare —
// were added later and are on by default too; propPendingFeatures still
// names them, so JSONDUMP_PROP_FEATURES=pending (or generics,mapanykey for
// some) switches them on when propFeatureDefaults turns them off. A feature
// can also be switched off to explore past a known bug, e.g.
// JSONDUMP_PROP_FEATURES=-directnil.
func TestGeneratorProperty(t *testing.T) {
	goTool := goTestEnv(t)
	feat, err := parseFeatures(os.Getenv("JSONDUMP_PROP_FEATURES"))
	if err != nil {
		t.Fatal(err)
	}
	seeds := envInt(t, "JSONDUMP_PROP_SEEDS", 4)
	first := envInt(t, "JSONDUMP_PROP_SEED", 1)
	ntypes := envInt(t, "JSONDUMP_PROP_TYPES", 8)
	nvalues := envInt(t, "JSONDUMP_PROP_VALUES", 50)
	batch := envInt(t, "JSONDUMP_PROP_BATCH", 10)
	maxFail := envInt(t, "JSONDUMP_PROP_MAXFAIL", 20)
	var off []string
	for name, on := range feat {
		if !on {
			off = append(off, name)
		}
	}
	t.Logf("features off: %s", strings.Join(sortedStrings(off), ","))

	st := &propStats{maxFail: maxFail, outcomes: map[string]int{}}
	for b := 0; b < seeds; b += batch {
		var batchSeeds []int
		for s := first + b; s < first+b+batch && s < first+seeds; s++ {
			batchSeeds = append(batchSeeds, s)
		}
		runPropBatch(t, goTool, feat, batchSeeds, ntypes, nvalues, st)
	}
	t.Logf("%d seeds, %d packages, %d types, %d values, %d comparisons with python3, %d with the reflective path, %d entry-point checks; %d mismatches",
		seeds, st.packages, st.types, st.values, st.comparisons, st.pathChecks, st.checks, st.failures)
	t.Logf("python3 results: %v; %d struct values' member names checked against encoding/json", st.outcomes, st.keyChecks)
	t.Logf("time: Generate %v, go build %v, drivers %v, python3 %v",
		st.genTime.Round(time.Millisecond), st.buildTime.Round(time.Millisecond), st.runTime.Round(time.Millisecond), st.pyTime.Round(time.Millisecond))
	if st.failures > 0 {
		t.Errorf("%d mismatches in all (first seed %d; rerun one with JSONDUMP_PROP_SEED=<seed> JSONDUMP_PROP_SEEDS=1 JSONDUMP_PROP_WORK=<dir>)", st.failures, first)
	}
}

type propStats struct {
	packages, types, values, comparisons, checks, failures, maxFail int
	pathChecks                                                      int // outputs of generated code compared with the reflective path's
	genTime, buildTime, runTime, pyTime                             time.Duration
	outcomes                                                        map[string]int // python3's results by kind
	keyChecks                                                       int            // member names checked against encoding/json
}

func (st *propStats) fail(t *testing.T, format string, args ...any) {
	t.Helper()
	st.failures++
	if st.failures <= st.maxFail {
		t.Errorf(format, args...)
	}
}

func envInt(t *testing.T, name string, def int) int {
	s := os.Getenv(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		t.Fatalf("%s=%q: want a number", name, s)
	}
	return n
}

func sortedStrings(s []string) []string {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
	return s
}

// propOptionSets are the option sets, as Go source and as Python kwargs.
var propOptionSets = []struct {
	name, goSrc string
	kw          map[string]any
}{
	{"defaults", "", map[string]any{}},
	{"indent=2", "jsondump.Indent(2)", map[string]any{"indent": 2}},
	{"indent=0", "jsondump.Indent(0)", map[string]any{"indent": 0}},
	{"indent=tab", `jsondump.IndentString("\t")`, map[string]any{"indent": "\t"}},
	{"compact", `jsondump.Separators(",", ":")`, map[string]any{"separators": []string{",", ":"}}},
	{"odd separators, indent=2", `jsondump.Separators(" ,", " : "), jsondump.Indent(2)`,
		map[string]any{"separators": []string{" ,", " : "}, "indent": 2}},
	{"ensure_ascii=False", "jsondump.EnsureASCII(false)", map[string]any{"ensure_ascii": false}},
	{"sort_keys", "jsondump.SortKeys(true)", map[string]any{"sort_keys": true}},
	{"allow_nan=False", "jsondump.AllowNaN(false)", map[string]any{"allow_nan": false}},
	{"indent=2, sort_keys, ensure_ascii=False", "jsondump.Indent(2), jsondump.SortKeys(true), jsondump.EnsureASCII(false)",
		map[string]any{"indent": 2, "sort_keys": true, "ensure_ascii": false}},
	{"compact, sort_keys, allow_nan=False, ensure_ascii=False",
		`jsondump.Separators(",", ":"), jsondump.SortKeys(true), jsondump.AllowNaN(false), jsondump.EnsureASCII(false)`,
		map[string]any{"separators": []string{",", ":"}, "sort_keys": true, "allow_nan": false, "ensure_ascii": false}},
	{"indent=-3, check_circular=False, skipkeys", "jsondump.Indent(-3), jsondump.CheckCircular(false), jsondump.SkipKeys(true)",
		map[string]any{"indent": -3, "check_circular": false, "skipkeys": true}},
	{`indent="→ ", separators=(" ;", "=é"), sort_keys`, `jsondump.IndentString("→ "), jsondump.Separators(" ;", "=é"), jsondump.SortKeys(true)`,
		map[string]any{"indent": "→ ", "separators": []string{" ;", "=é"}, "sort_keys": true}},
}

// A propPackage is one generated package of a batch and its values.
type propPackage struct {
	seed   int
	pkg    *ppkg
	values []*pval
	tags   []tagged
	cycles []string // per value: the assignment making a cycle or sharing, or ""
	ok     bool     // generated

	directNil bool // feature directnil
}

// runPropBatch generates, builds and checks the packages of a batch.
func runPropBatch(t *testing.T, goTool string, feat map[string]bool, seeds []int, ntypes, nvalues int, st *propStats) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	work := os.Getenv("JSONDUMP_PROP_WORK")
	if work == "" {
		work = t.TempDir()
	} else {
		work = filepath.Join(work, fmt.Sprintf("batch%d", seeds[0]))
		if err := os.RemoveAll(work); err != nil {
			t.Fatal(err)
		}
	}
	write := func(path, data string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(work, "go.mod"), "module prop\n\ngo 1.26\n\nrequire github.com/jsondump/jsondump v0.0.0\n\nreplace github.com/jsondump/jsondump => "+root+"\n")
	if sum, err := os.ReadFile(filepath.Join(root, "go.sum")); err == nil {
		write(filepath.Join(work, "go.sum"), string(sum))
	}
	var pkgs []*propPackage
	for _, seed := range seeds {
		g := &pgen{r: rand.New(rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15)), feat: feat}
		p := &propPackage{seed: seed, pkg: g.newPackage(fmt.Sprintf("p%d", seed), ntypes), directNil: feat["directnil"]}
		pkgs = append(pkgs, p)
		dir := filepath.Join(work, p.pkg.name)
		write(filepath.Join(dir, "types.go"), p.pkg.source())
		start := time.Now()
		res, err := generateNoPanic(Config{Dir: dir, Types: p.pkg.rootNames()})
		st.genTime += time.Since(start)
		if err != nil {
			st.fail(t, "seed %d: Generate(%s, -type=%s) failed:\n%v", seed, dir, strings.Join(p.pkg.rootNames(), ","), err)
			continue
		}
		for _, f := range res.Files {
			write(f.Path, string(f.Content))
		}
		p.ok = true
		st.packages++
		st.types += len(p.pkg.roots)
		m := &pymodel{pkg: p.pkg}
		roots := p.pkg.sortedRoots()
		nstruct := 0
		for _, r := range roots {
			if r.u().k == pkStruct {
				nstruct++
			}
		}
		for i := 0; i < nvalues; i++ {
			var rt *ptype
			if nstruct > 0 && g.chance(5, 6) {
				rt = roots[g.n(nstruct)]
			} else {
				rt = roots[g.n(len(roots))]
			}
			v := g.value(ptrTo(rt), 4)
			if v.null && !g.chance(1, 3) {
				v = g.value(ptrTo(rt), 4)
			}
			cyc := ""
			if feat["cycles"] && !v.null && rt.u().k == pkStruct && g.chance(1, 10) {
				cyc = g.cycle(v, i+1)
			}
			p.values = append(p.values, v)
			p.cycles = append(p.cycles, cyc)
			p.tags = append(p.tags, m.py(v))
		}
		write(filepath.Join(dir, "values.go"), p.valuesSource())
	}

	var ok []*propPackage
	for _, p := range pkgs {
		if p.ok {
			ok = append(ok, p)
		}
	}
	if len(ok) == 0 {
		return
	}
	write(filepath.Join(work, "driver", "main.go"), propDriver(ok))
	env := append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod", "GOWORK=off")
	bin := filepath.Join(work, "driver.bin")
	build := exec.Command(goTool, "build", "-o", bin, "./driver")
	build.Dir, build.Env = work, env
	start := time.Now()
	out, err := build.CombinedOutput()
	st.buildTime += time.Since(start)
	if err != nil {
		st.fail(t, "seeds %v: go build of the generated packages: %v\n%s", seeds, err, clipText(string(out), 6000))
		return
	}
	var stderr bytes.Buffer
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute) // a hang is a failure too
	defer cancel()
	cmd := exec.CommandContext(ctx, bin)
	cmd.Stderr = &stderr
	start = time.Now()
	out, err = cmd.Output()
	st.runTime += time.Since(start)
	if err != nil {
		st.fail(t, "seeds %v: driver: %v\n%s", seeds, err, clipText(stderr.String(), 6000))
		return
	}
	// The same driver built without the generated files: every value is
	// written by jsondump's reflective path, and must come out the same.
	binR := filepath.Join(work, "driver-reflect.bin")
	build = exec.Command(goTool, "build", "-overlay", withoutGenerated(t, work), "-o", binR, "./driver")
	build.Dir, build.Env = work, env
	start = time.Now()
	msg, err := build.CombinedOutput()
	st.buildTime += time.Since(start)
	if err != nil {
		st.fail(t, "seeds %v: go build of the driver without generated files: %v\n%s", seeds, err, clipText(string(msg), 6000))
		return
	}
	var stderrR bytes.Buffer
	cmd = exec.CommandContext(ctx, binR)
	cmd.Stderr = &stderrR
	start = time.Now()
	outR, err := cmd.Output()
	st.runTime += time.Since(start)
	if err != nil {
		st.fail(t, "seeds %v: driver without generated files: %v\n%s", seeds, err, clipText(stderrR.String(), 6000))
		return
	}
	stderr.Write(stderrR.Bytes())
	// Entry-point disagreements, one report per value.
	var order []string
	byValue := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(stderr.String()), "\n") {
		if line == "" {
			continue
		}
		key, _, _ := strings.Cut(line, " options ")
		if byValue[key] == nil {
			order = append(order, key)
		}
		byValue[key] = append(byValue[key], line)
	}
	for _, key := range order {
		lines := byValue[key]
		lit := ""
		var name string
		var idx int
		if _, err := fmt.Sscanf(key, "%s value %d", &name, &idx); err == nil {
			for _, p := range ok {
				if p.pkg.name == name && idx < len(p.values) {
					lit = p.values[idx].lit()
				}
			}
		}
		st.fail(t, "%s (%d disagreements of Dumps, AppendDumps, Dump, jsondump.Dumps(*T), jsondump.Dumps(T)); first:\n%s\nvalue: %s",
			key, len(lines), lines[0], clipText(lit, 3000))
	}
	var got, keyLines []string
	for _, l := range pyoracle.Lines(out) {
		if k, ok := strings.CutPrefix(l, "K "); ok {
			keyLines = append(keyLines, k)
		} else {
			got = append(got, l)
		}
	}
	var gotR []string
	for _, l := range pyoracle.Lines(outR) {
		if !strings.HasPrefix(l, "K ") {
			gotR = append(gotR, l)
		}
	}
	if len(gotR) != len(got) {
		t.Fatalf("seeds %v: the driver printed %d lines with generated code, %d without", seeds, len(got), len(gotR))
	}

	// python3: one process for the batch.
	var in bytes.Buffer
	enc := json.NewEncoder(&in)
	kwargs := make([]map[string]any, len(propOptionSets))
	for i, o := range propOptionSets {
		kwargs[i] = o.kw
	}
	if err := enc.Encode(kwargs); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, p := range ok {
		for _, tag := range p.tags {
			if err := enc.Encode(tag); err != nil {
				t.Fatal(err)
			}
			n++
		}
	}
	if os.Getenv("JSONDUMP_PROP_WORK") != "" {
		write(filepath.Join(work, "python.in"), in.String())
		write(filepath.Join(work, "python.py"), propScript)
	}
	start = time.Now()
	want := pyoracle.Lines(pyoracle.Run(t, propScript, in.Bytes()))
	st.pyTime += time.Since(start)
	if len(want) != n*len(propOptionSets) || len(got) != len(want) {
		t.Fatalf("seeds %v: driver printed %d lines, python3 %d, want %d", seeds, len(got), len(want), n*len(propOptionSets))
	}
	st.checks += 4 * len(got)
	line := 0
	vi := 0
	for _, p := range ok {
		for i, v := range p.values {
			st.values++
			// The model's struct rules against encoding/json's: the member
			// names of a struct value's top-level object.
			if vi < len(keyLines) && keyLines[vi] != "?" && !v.null && v.t.elem.u().k == pkStruct {
				var names []string
				for _, it := range p.tags[i]["items"].([][2]tagged) {
					names = append(names, string(it[0]["cps"].([]rune)))
				}
				if names == nil {
					names = []string{}
				}
				want, _ := json.Marshal(names)
				st.keyChecks++
				if string(want) != keyLines[vi] {
					st.fail(t, "seed %d (package %s), value %d: the model's member names %s differ from encoding/json's %s (a bug in the test's model, or in encoding/json's rules as README's mapping reads them)\nvalue: %s",
						p.seed, p.pkg.name, i, want, keyLines[vi], clipText(v.lit(), 3000))
				}
			}
			vi++
			var bad []string
			var firstGot, firstWant, firstOpts string
			for _, o := range propOptionSets {
				g, w, r := got[line], want[line], gotR[line]
				line++
				st.comparisons++
				st.pathChecks++
				if r != g {
					st.fail(t, "seed %d (package %s), value %d, options %s: generated code and the reflective path differ\nvalue: %s\n   generated: %s\n   reflected: %s",
						p.seed, p.pkg.name, i, o.name, clipText(v.lit(), 3000), readableResult(g), readableResult(r))
				}
				kind, _, _ := strings.Cut(w, ":")
				if strings.HasPrefix(kind, "OK") {
					kind = "OK"
				}
				st.outcomes[kind]++
				if g == w {
					continue
				}
				if bad == nil {
					firstGot, firstWant, firstOpts = g, w, o.name
				}
				bad = append(bad, o.name)
			}
			if bad != nil {
				st.fail(t, "seed %d (package %s), value %d, options %s (mismatches under %d of %d option sets: %s)\nvalue: %s\n   go: %s\npython: %s",
					p.seed, p.pkg.name, i, firstOpts, len(bad), len(propOptionSets), strings.Join(bad, "; "),
					clipText(v.lit(), 3000), readableResult(firstGot), readableResult(firstWant))
			}
		}
	}
}

// generateNoPanic is Generate, with a panic turned into an error.
func generateNoPanic(cfg Config) (res Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v\n%s", r, clipText(string(debug.Stack()), 3000))
		}
	}()
	return Generate(cfg)
}

// valuesSource writes the package's values file: PropValues returns the
// values as *T of root types, PropDeref turns a *T into its T.
func (p *propPackage) valuesSource() string {
	var b strings.Builder
	b.WriteString("package " + p.pkg.name + "\n\nimport (\n\t\"encoding/json\"\n\t\"math\"\n\t\"math/big\"\n\t\"time\"\n)\n\n")
	b.WriteString("var (\n\t_ = math.Float64frombits\n\t_ json.Number\n\t_ time.Time\n)\n\n")
	b.WriteString("func ptr[T any](v T) *T { return &v }\n\n")
	b.WriteString("func bigInt(s string) *big.Int {\n\tx, _ := new(big.Int).SetString(s, 10)\n\treturn x\n}\n\n")
	// One function per value keeps the functions small for the compiler.
	for i, v := range p.values {
		if f := p.cycles[i]; f != "" {
			fmt.Fprintf(&b, "func value%d() any {\n\tv := %s\n\t%s\n\treturn v\n}\n\n", i, v.lit(), f)
			continue
		}
		fmt.Fprintf(&b, "func value%d() any { return %s }\n\n", i, v.lit())
	}
	b.WriteString("// PropValues returns the property test's values.\nfunc PropValues() []any {\n\treturn []any{")
	for i := range p.values {
		if i%10 == 0 {
			b.WriteString("\n\t\t")
		}
		fmt.Fprintf(&b, "value%d(), ", i)
	}
	b.WriteString("\n\t}\n}\n\n")
	b.WriteString("// PropDeref returns *x for a non-nil *T of a root type T, else x.\nfunc PropDeref(x any) any {\n\tswitch v := x.(type) {\n")
	for _, r := range p.pkg.roots {
		if r.direct() && !p.directNil {
			continue
		}
		fmt.Fprintf(&b, "\tcase *%s:\n\t\tif v != nil {\n\t\t\treturn *v\n\t\t}\n", r.nm.name)
	}
	b.WriteString("\t}\n\treturn x\n}\n")
	return b.String()
}

// propDriver is the program that prints each value's Dumps under each
// option set, one line each: "OK <hex of the output>" or "ERR <Python
// exception class>: <message>". Disagreements between Dumps and the other
// entry points go to standard error.
func propDriver(pkgs []*propPackage) string {
	var b strings.Builder
	b.WriteString(`package main

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/jsondump/jsondump"
`)
	for _, p := range pkgs {
		fmt.Fprintf(&b, "\t%q\n", "prop/"+p.pkg.name)
	}
	b.WriteString(`)

type dumper interface {
	Dumps(opts ...jsondump.Option) (string, error)
	AppendDumps(dst []byte, opts ...jsondump.Option) ([]byte, error)
	Dump(w io.Writer, opts ...jsondump.Option) error
}
` + rtDriverAsDumper + `
var optionSets = [][]jsondump.Option{
`)
	for _, o := range propOptionSets {
		fmt.Fprintf(&b, "\t{%s}, // %s\n", o.goSrc, o.name)
	}
	b.WriteString(`}

func errType(err error) string {
	var te *jsondump.TypeError
	var ve *jsondump.ValueError
	var re *jsondump.RecursionError
	var me *jsondump.MarshalerError
	switch {
	case errors.As(err, &te):
		return "TypeError"
	case errors.As(err, &ve):
		return "ValueError"
	case errors.As(err, &re):
		return "RecursionError"
	case errors.As(err, &me):
		return "MarshalerError"
	}
	return fmt.Sprintf("%T", err)
}

// try runs one encoding, turning a panic into a result.
func try(f func() (string, error)) (res string) {
	defer func() {
		if r := recover(); r != nil {
			res = fmt.Sprintf("PANIC %v", r)
		}
	}()
	s, err := f()
	if err != nil {
		return "ERR " + errType(err) + ": " + err.Error()
	}
	return "OK " + hex.EncodeToString([]byte(s))
}

// diff shows where got and want first differ, decoded.
func diff(got, want string) string {
	dec := func(r string) string {
		if h, ok := strings.CutPrefix(r, "OK "); ok {
			if b, err := hex.DecodeString(h); err == nil {
				return string(b)
			}
		}
		return r
	}
	g, w := dec(got), dec(want)
	i := 0
	for i < len(g) && i < len(w) && g[i] == w[i] {
		i++
	}
	from := max(0, i-80)
	return fmt.Sprintf("differ at byte %d of %d/%d: ...%q vs ...%q", i, len(g), len(w), g[from:min(len(g), i+120)], w[from:min(len(w), i+120)])
}

// keys returns encoding/json's member names of v's top-level object, as a
// JSON array, or "?" when it fails or writes no object.
func keys(v any) (res string) {
	defer func() {
		// encoding/json panics on some cycles (reflect.Value.Interface of a
		// pointer reached through an unexported field).
		if recover() != nil {
			res = "?"
		}
	}()
	b, err := json.Marshal(v)
	if err != nil {
		return "?"
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return "?"
	}
	names := []string{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return "?"
		}
		names = append(names, tok.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return "?"
		}
	}
	out, _ := json.Marshal(names)
	return string(out)
}

func run(out *bufio.Writer, keysOut *[]string, pkg string, values []any, deref func(any) any) {
	for i, v := range values {
		*keysOut = append(*keysOut, "K "+keys(v))
		d := asDumper(v)
		for j, o := range optionSets {
			want := try(func() (string, error) { return d.Dumps(o...) })
			fmt.Fprintln(out, want)
			check := func(what, got string) {
				if got != want {
					fmt.Fprintf(os.Stderr, "%s value %d options %d: %s differs from Dumps: %s\n", pkg, i, j, what, diff(got, want))
				}
			}
			check("AppendDumps", try(func() (string, error) {
				b, err := d.AppendDumps([]byte("pre"), o...)
				if err == nil && !bytes.HasPrefix(b, []byte("pre")) {
					return "", errors.New("AppendDumps lost dst")
				}
				return string(b[min(3, len(b)):]), err
			}))
			check("Dump", try(func() (string, error) {
				var w bytes.Buffer
				err := d.Dump(&w, o...)
				return w.String(), err
			}))
			check("jsondump.Dumps(*T)", try(func() (string, error) { return jsondump.Dumps(v, o...) }))
			check("jsondump.Dumps(T)", try(func() (string, error) { return jsondump.Dumps(deref(v), o...) }))
		}
	}
}

func main() {
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	var keyLines []string
`)
	for _, p := range pkgs {
		fmt.Fprintf(&b, "\trun(out, &keyLines, %q, %s.PropValues(), %s.PropDeref)\n", p.pkg.name, p.pkg.name, p.pkg.name)
	}
	b.WriteString("\tfor _, k := range keyLines {\n\t\tfmt.Fprintln(out, k)\n\t}\n}\n")
	return b.String()
}

// propScript rebuilds each value from its tagged tree and prints, for each
// option set, "OK <hex of json.dumps>" or "ERR <class>: <message>". Errors
// are taken from the pure-Python encoder (iterencode), whose messages have
// CPython 3.12's wording that README's mapping asks for. A Quoted (a ,string
// field) and an unknown object go through default=, in output order: the
// first becomes the JSON text of its value under the current ensure_ascii
// and allow_nan; the second raises json's own TypeError. A "ref" node is
// the dict of the "id" it names, so a value can contain itself; a dict
// with an "id" that is built already is that dict (two fields sharing it). Under
// check_circular=False such a cycle is Python's RecursionError, with the C
// encoder's message that README's mapping keeps; the script finds it by encoding
// with the check, since the pure-Python encoder takes seconds to recurse.
const propScript = `
import sys, json, struct
sys.setrecursionlimit(10000)
class Quoted:
    __slots__ = ("v",)
    def __init__(self, v): self.v = v
classes = {}
ids = {}
def obj(name):
    c = classes.get(name)
    if c is None:
        c = classes[name] = type(name, (), {})
    return c()
def build(n):
    t = n["t"]
    if t == "none": return None
    if t == "bool": return n["v"]
    if t == "str": return "".join(map(chr, n["cps"]))
    if t == "int":
        sys.set_int_max_str_digits(0)
        try: return int(n["dec"])
        finally: sys.set_int_max_str_digits(4300)
    if t == "float": return struct.unpack(">d", bytes.fromhex(n["bits"]))[0]
    if t == "floatstr": return float(n["s"])
    if t == "list": return [build(x) for x in n["items"]]
    if t == "dict":
        if n.get("id") in ids: return ids[n["id"]]
        d = {}
        if "id" in n: ids[n["id"]] = d
        for k, v in n["items"]:
            d[build(k)] = build(v)
        return d
    if t == "ref": return ids[n["id"]]
    if t == "raw": return json.loads(n["text"])
    if t == "quoted": return Quoted(build(n["v"]))
    if t == "obj": return obj(n["name"])
    raise Exception("bad tag " + t)
def make_default(kw):
    ea = kw.get("ensure_ascii", True)
    an = kw.get("allow_nan", True)
    def default(o):
        if isinstance(o, Quoted):
            return "".join(json.JSONEncoder(ensure_ascii=ea, allow_nan=an).iterencode(o.v))
        raise TypeError(f"Object of type {o.__class__.__name__} is not JSON serializable")
    return default
inp = sys.stdin.buffer.read().decode("utf-8").split("\n")
optsets = json.loads(inp[0])
defaults = [make_default(kw) for kw in optsets]
out = []
for line in inp[1:]:
    if not line: continue
    ids.clear()
    v = build(json.loads(line))
    for kw, default in zip(optsets, defaults):
        # Without check_circular a cycle recurses until RecursionError,
        # which the pure-Python encoder reaches in O(depth**2): ask with the
        # check instead, and read its ValueError as that RecursionError
        # (errors before the cycle come first either way).
        nocheck = kw.get("check_circular", True) is False
        if nocheck: kw = dict(kw, check_circular=True)
        try:
            s = json.dumps(v, default=default, **kw)
            out.append("OK " + s.encode("utf-8").hex())
        except Exception:
            try:
                "".join(json.JSONEncoder(default=default, **kw).iterencode(v))
                out.append("ERR ?: C and Python encoders disagree")
            except Exception as e:
                if nocheck and isinstance(e, ValueError) and str(e) == "Circular reference detected":
                    out.append("ERR RecursionError: maximum recursion depth exceeded while encoding a JSON object")
                else:
                    out.append("ERR %s: %s" % (type(e).__name__, str(e).replace("\n", " ")))
sys.stdout.write("\n".join(out) + "\n")
`

// readableResult turns an "OK <hex>" result back into quoted text.
func readableResult(r string) string {
	if h, ok := strings.CutPrefix(r, "OK "); ok {
		b, err := hex.DecodeString(h)
		if err == nil {
			if !utf8.Valid(b) {
				return "(invalid UTF-8) " + clipText(fmt.Sprintf("%q", b), 3000)
			}
			return clipText(strconv.Quote(string(b)), 3000)
		}
	}
	return r
}

func clipText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}
