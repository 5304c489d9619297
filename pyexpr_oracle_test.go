package jsondump_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/jsondump/jsondump"
	"github.com/jsondump/jsondump/internal/pyoracle"
)

// An exprCase is a Go value beside the Python source of its equivalent
// value: the Python side evaluates py, calls json.dumps with the keyword
// arguments kw (Python source, "indent=2, sort_keys=True"), and def, when set,
// is the Python source of the default= function (a lambda or a name of
// exprPrelude). The Go value is written with opts. Nothing is expected by
// hand: the two outputs, or the two errors, are compared.
type exprCase struct {
	name string
	v    any
	opts []jsondump.Option
	py   string
	kw   string
	def  string
	// msgOnly: the error is a Default hook's, whose Go type is the hook's
	// own; only the message is compared.
	msgOnly bool
	// reflective: the value needs the reflective path; without it
	// (-tags jsondump_noreflect) the case is left out.
	reflective bool
}

// exprPrelude is Python evaluated once before the cases: names that the
// cases' sources use.
const exprPrelude = `
import json, math, sys
NaN = float('nan')
inf = float('inf')
class Boom(Exception):
    pass
def boom(o):
    raise ValueError('boom')
def unknown(o):
    raise TypeError(f'Object of type {type(o).__name__} is not JSON serializable')
_classes = {}
def K(name):
    # an instance of a class named as the Go type: an object Python cannot write
    cls = _classes.get(name)
    if cls is None:
        cls = _classes[name] = type(name, (), {})
    return cls()
def nest(n, leaf, kind='list'):
    v = leaf
    for _ in range(n):
        v = [v] if kind == 'list' else {'k': v}
    return v
`

const exprScript = `
import io, json, sys
src = json.loads(sys.stdin.readline())
exec(src)
out = []
for line in sys.stdin:
    c = json.loads(line)
    ans = {}
    try:
        v = eval(c['py'])
        kw = eval('dict(' + c['kw'] + ')')
        if c['def']:
            kw['default'] = eval(c['def'])
        ans['res'] = 'OK ' + json.dumps(v, **kw)
    except Exception as e:
        ans['res'] = 'ERR ' + type(e).__name__ + ': ' + str(e)
        # What json.dump has written when it fails, and the characters
        # that may come between that and jsondump's prefix (README,
        # Limitations: a separator written before a failing scalar).
        w = io.StringIO()
        try:
            json.dump(v, w, **kw)
        except Exception:
            pass
        ans['prefix'] = w.getvalue()
        ind = kw.get('indent')
        if isinstance(ind, int):
            ind = ' ' * ind
        seps = kw.get('separators') or ((',', ': ') if ind is not None else (', ', ': '))
        ans['between'] = seps[0] + '[\n' + (ind or '')
    out.append(ans)
sys.stdout.write(json.dumps(out))
`

// outOfRangeSuffix is the repr that CPython 3.12 adds to the ValueError of a
// non-finite float (jsondump follows 3.12; the oracle is 3.11).
var outOfRangeSuffix = regexp.MustCompile(`^(ERR ValueError: Out of range float values are not JSON compliant): (nan|inf|-inf)$`)

// exprResult is "OK <output>" or "ERR <Python class>: <message>".
func exprResult(s string, err error, msgOnly bool) string {
	if err == nil {
		return "OK " + s
	}
	if msgOnly {
		return "ERR " + err.Error()
	}
	return "ERR " + pyErrorType(err) + ": " + err.Error()
}

// runExprCases writes each case through Dumps, AppendDumps (after a prefix)
// and Dump, checks that the three agree, and compares the result with
// CPython's for the whole batch in one python3.
func runExprCases(t *testing.T, cases []exprCase) {
	t.Helper()
	runExprCasesWith(t, "", cases)
}

// runExprCasesWith is runExprCases with more Python evaluated after
// exprPrelude: functions that the cases' def and py name.
func runExprCasesWith(t *testing.T, prelude string, cases []exprCase) {
	t.Helper()
	pyoracle.Python(t)
	if !reflectBuild {
		kept := cases[:0:0]
		for _, c := range cases {
			if !c.reflective {
				kept = append(kept, c)
			}
		}
		cases = kept
	}
	var in bytes.Buffer
	pre, _ := json.Marshal(exprPrelude + prelude)
	in.Write(pre)
	in.WriteByte('\n')
	for _, c := range cases {
		line, err := json.Marshal(map[string]string{"py": c.py, "kw": c.kw, "def": c.def})
		if err != nil {
			t.Fatal(err)
		}
		in.Write(line)
		in.WriteByte('\n')
	}
	var want []struct {
		Res, Prefix, Between string
	}
	if err := json.Unmarshal(pyoracle.Run(t, exprScript, in.Bytes()), &want); err != nil {
		t.Fatalf("python3's answer: %v", err)
	}
	if len(want) != len(cases) {
		t.Fatalf("python3 answered %d cases of %d", len(want), len(cases))
	}
	for i, c := range cases {
		s, err := jsondump.Dumps(c.v, c.opts...)
		got := exprResult(s, err, c.msgOnly)
		w := want[i].Res
		if c.msgOnly {
			if m := regexp.MustCompile(`^ERR \w+: `).FindStringIndex(w); m != nil {
				w = "ERR " + w[m[1]:]
			}
		}
		// 3.11's C encoder leaves out the repr that its Python encoder
		// (indent) and 3.12 write.
		if m := outOfRangeSuffix.FindStringSubmatch(got); m != nil && w == m[1] {
			got = m[1]
		}
		// Python's RecursionError says where the recursion limit was met
		// ("while calling a Python object", "in __instancecheck__"):
		// only the class is compared.
		var re *jsondump.RecursionError
		if strings.HasPrefix(want[i].Res, "ERR RecursionError: ") && errors.As(err, &re) {
			got = w
		}
		if got != w {
			t.Errorf("%s\n    go: %q\npython: %q", c.name, got, w)
			continue
		}
		// The other entry points: the same output, or the same error with a
		// prefix of the output.
		b, aerr := jsondump.AppendDumps([]byte("pre"), c.v, c.opts...)
		var wb bytes.Buffer
		derr := jsondump.Dump(&wb, c.v, c.opts...)
		if errString(aerr) != errString(err) || errString(derr) != errString(err) {
			t.Errorf("%s: errors differ: Dumps %v, AppendDumps %v, Dump %v", c.name, err, aerr, derr)
			continue
		}
		if !bytes.HasPrefix(b, []byte("pre")) {
			t.Errorf("%s: AppendDumps lost dst: %q", c.name, b)
			continue
		}
		if errors.As(err, &re) {
			// Where the limit is met depends on the frames the caller
			// uses (CPython) and on the encoder (json.dump's Python
			// encoder spends more on a Default hook than json.dumps's C
			// encoder; Dump follows it): the prefixes are not compared.
			continue
		}
		if err == nil {
			if string(b[3:]) != s || wb.String() != s {
				t.Errorf("%s: outputs differ: Dumps %q, AppendDumps %q, Dump %q", c.name, s, b[3:], wb.String())
			}
		} else if string(b[3:]) != wb.String() {
			t.Errorf("%s: prefixes differ: AppendDumps %q, Dump %q", c.name, b[3:], wb.String())
		} else if rest, ok := strings.CutPrefix(wb.String(), want[i].Prefix); !strings.HasPrefix(want[i].Prefix, wb.String()) &&
			(!ok || strings.Trim(rest, want[i].Between) != "") {
			// Dump leaves a prefix of what json.dump leaves, or that and
			// the separator before a failing scalar (README, Limitations).
			t.Errorf("%s: Dump's prefix %q, json.dump's %q", c.name, wb.String(), want[i].Prefix)
		}
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// hookErr is an error of a Go Default hook, the twin of Python's boom.
var hookErr = errors.New("boom")

// boomHook fails for every value, as exprPrelude's boom does.
func boomHook(any) (any, error) { return nil, hookErr }
