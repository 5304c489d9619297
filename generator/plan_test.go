package generator

import (
	"slices"
	"testing"
)

// planFor plans the -types of a testdata package.
func planFor(t *testing.T, name string, typeNames ...string) *filePlan {
	t.Helper()
	cfg := Config{Dir: testdataDir(t, name), Types: typeNames}
	v, err := newView(cfg, false)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := load(v, nil)
	if err != nil {
		t.Fatal(err)
	}
	objs, err := lookupTypes(pkg, typeNames)
	if err != nil {
		t.Fatal(err)
	}
	p, err := plan(pkg, objs, v.promised)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// walk calls fn for every valuePlan of the plan.
func walk(p *filePlan, fn func(n *namedType, v *valuePlan)) {
	var visit func(n *namedType, v *valuePlan)
	visit = func(n *namedType, v *valuePlan) {
		fn(n, v)
		for _, f := range v.Fields {
			visit(n, f.Value)
		}
		if v.Elem != nil {
			visit(n, v.Elem)
		}
	}
	for _, n := range p.Named {
		visit(n, n.Value)
	}
}

// TestPlanCycles checks that only values that can lead back to themselves
// pay for CheckCircular.
func TestPlanCycles(t *testing.T) {
	basic := planFor(t, "basic", "Basic")
	walk(basic, func(n *namedType, v *valuePlan) {
		if v.Check || n.Cyclic {
			t.Errorf("basic: %s: %s %s checks for cycles, but nothing in it can cycle", n.Name, v.Kind, v.TypeName)
		}
	})
	rec := planFor(t, "recursive", "Node")
	var checked []string
	walk(rec, func(n *namedType, v *valuePlan) {
		if v.Check {
			checked = append(checked, v.TypeName)
		}
	})
	slices.Sort(checked)
	checked = slices.Compact(checked)
	want := []string{"*recursive.Node", "[]*recursive.Node", "map[string]*recursive.Node"}
	if !slices.Equal(checked, want) {
		t.Errorf("recursive: checked values %v, want %v", checked, want)
	}
	if !rec.Named[0].Cyclic {
		t.Errorf("recursive: Node is not marked cyclic")
	}
}

// TestPlanSortedFields checks that SortKeys's field order is decided at
// generation time, by Python's code-point order of the JSON names.
func TestPlanSortedFields(t *testing.T) {
	p := planFor(t, "basic", "Basic")
	v := p.Roots[0].Value
	if v.Sorted == nil {
		t.Fatal("basic: no sorted order, but the declaration order is not sorted")
	}
	var names []string
	for _, f := range v.Sorted {
		names = append(names, f.Name)
	}
	if !slices.IsSorted(names) {
		t.Errorf("basic: sorted fields %q are not in order", names)
	}
	if len(v.Sorted) != len(v.Fields) {
		t.Errorf("basic: %d sorted fields, %d fields", len(v.Sorted), len(v.Fields))
	}
}

// TestPlanGenericInstances checks that a generic -type dispatches to a
// specialised function for each instantiation the package writes.
func TestPlanGenericInstances(t *testing.T) {
	p := planFor(t, "generic", "Page", "Pair")
	var page *namedType
	for _, n := range p.Roots {
		if n.Name == "Page" {
			page = n
		}
	}
	if page == nil {
		t.Fatal("no Page root")
	}
	var insts []string
	for _, n := range page.Instances {
		insts = append(insts, n.TypeName)
	}
	// Page[string] is made only by the end-to-end driver, outside the
	// package: it takes the generic function.
	want := []string{"generic.Page[generic.Item]", "generic.Page[int]"}
	if !slices.Equal(insts, want) {
		t.Errorf("Page instances %v, want %v", insts, want)
	}
	if len(page.TypeParams) != 1 || page.TypeParams[0].Name != "T" {
		t.Errorf("Page type parameters %+v", page.TypeParams)
	}
}

func TestFileNameConstraint(t *testing.T) {
	for path, want := range map[string]string{
		"x.go":                   "",
		"linux.go":               "",
		"types_linux.go":         "linux",
		"dir/types_amd64.go":     "amd64",
		"types_linux_arm64.go":   "linux && arm64",
		"types_linux_test.go":    "linux",
		"types_windows_386.go":   "windows && 386",
		"types_notanos.go":       "",
		"a_b_darwin_wasm.go":     "darwin && wasm",
		"types_linux.extra.go":   "linux",
		"my_plan9_amd64_test.go": "plan9 && amd64",
	} {
		if got := fileNameConstraint(path); got != want {
			t.Errorf("fileNameConstraint(%q) = %q, want %q", path, got, want)
		}
	}
}

// TestPlanDict checks that a field of type jsondump.Dict, or
// jsondumprt.Dict, is written by the runtime's Dict writer wherever it
// appears (directly, by pointer, in a slice or a map), not as the slice of
// structs its underlying type is, and that no encode function is planned
// for it.
func TestPlanDict(t *testing.T) {
	p := planFor(t, "dict", "Webhook")
	dicts := 0
	walk(p, func(n *namedType, v *valuePlan) {
		if v.TypeName == "jsondumprt.Dict" {
			dicts++
			if v.Kind != kindDict {
				t.Errorf("dict: %s planned as %s, want Dict", v.TypeName, v.Kind)
			}
		}
	})
	// Meta, Extra, None, *Ptr, Pages[i], ByName[k], Runtime.
	if dicts != 7 {
		t.Errorf("dict: %d Dict values planned, want 7\n%s", dicts, p)
	}
	for _, n := range p.Named {
		if n.Name == "Dict" {
			t.Errorf("dict: an encode function planned for %s", n.TypeName)
		}
	}
}
