package generator

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/jsondump/jsondump/internal/pyoracle"
	"github.com/jsondump/jsondump/internal/testmod"
)

// TestAdversarialTypes is an adversarial end-to-end check written independently of
// the property test's model. The packages under testdata/adversarial_types are
// copied into a throwaway module; jsondumpgen's Generate runs on each; one
// driver program prints, for every case, encoding/json's output (for
// reference) and the generated Dumps output under each option set; one
// python3 process evaluates each case's expected value — a Python
// expression written by hand from README's mapping, or "ENC", meaning
// json.loads of encoding/json's output (used only where the two mappings
// agree: no integral floats, no integer map keys) — and prints json.dumps
// of it under the same keyword arguments. The bytes must be equal; an
// error must be the same Python exception class with the same message
// (CPython 3.11's message may be a prefix of the 3.12 wording jsondump
// uses).
//
// Cases marked info are places where the documented mapping does not clearly decide the
// answer: their outcome is logged, never failed.

// advOptions are the option sets, as Go and as Python keyword arguments
// (JSON; "default": true means default=lambda o: "D").
var advOptions = []struct{ goSrc, py string }{
	{``, `{}`},
	{`jsondump.Indent(2)`, `{"indent": 2}`},
	{`jsondump.SortKeys(true)`, `{"sort_keys": true}`},
	{`jsondump.EnsureASCII(false)`, `{"ensure_ascii": false}`},
	{`jsondump.IndentString("\t"), jsondump.EnsureASCII(false), jsondump.SortKeys(true)`, `{"indent": "\t", "ensure_ascii": false, "sort_keys": true}`},
	{`jsondump.SkipKeys(true), jsondump.Indent(1)`, `{"skipkeys": true, "indent": 1}`},
	{`jsondump.AllowNaN(false), jsondump.CheckCircular(false)`, `{"allow_nan": false, "check_circular": false}`},
	{`jsondump.Default(hook), jsondump.Separators(",", ":")`, `{"default": true, "separators": [",", ":"]}`},
	{`jsondump.Separators(",", ":"), jsondump.SortKeys(true), jsondump.SkipKeys(true), jsondump.Default(hook)`, `{"separators": [",", ":"], "sort_keys": true, "skipkeys": true, "default": true}`},
}

type advCase struct {
	name string
	pkg  string // the package of the value's type (the driver imports it)
	goV  string // a Go expression: a value whose Dumps method is generated
	py   string // the expected Python value; "ENC": json.loads of encoding/json's output; "ERR": any error
	info bool   // the documented mapping does not decide: log the outcome only
}

// advPackages are the packages to generate, in order (ext first: rt
// imports it). A probe package holds one thing that may not generate.
var advPackages = []struct {
	dir    string
	types  []string
	refuse string // the generator refuses the package with this diagnostic
}{
	{dir: "ext", types: []string{"Gen", "Level", "Box", "Names", "Box3", "GP", "GT", "GZ", "Link"}},
	{dir: "rt", types: nil}, // every exported type of types.go but the interfaces and the alias
	{dir: "probe_embgen", types: []string{"Emb19"}},
	{dir: "probe_wrapgen", types: []string{"HasWrapper"}},
	{dir: "probe_outer", types: []string{"UseOuter"}},
	// A field promoted through an unexported embedded pointer of another
	// package: generated code can neither name the pointer nor test it for
	// nil, so the generator refuses it with a position.
	{dir: "probe_outerp", types: []string{"UseOuterP"}, refuse: "an unexported embedded pointer of another package"},
	{dir: "probe_bigmap", types: []string{"BigMap"}},
	{dir: "probe_genomit", types: []string{"Opt", "UseOpt"}},
	{dir: "probe_genzero", types: []string{"OptZ", "UseOptZ"}},
	{dir: "probe_namedptr", types: []string{"NP"}},
	{dir: "probe_genunion", types: []string{"Num", "UseNum"}},
}

const tmQ = `"2024-02-29T13:04:05.12-01:00"`

var advCases = []advCase{
	// ---- embedding (encoding/json decides; values avoid floats)
	{"emb1 untagged conflict dropped", "rt", `&rt.Emb1{E1: rt.E1{A: 1, B: 2}, E2: rt.E2{A: 3, B: 4}}`, `ENC`, false},
	{"emb1 by hand", "rt", `&rt.Emb1{E1: rt.E1{A: 1, B: 2}, E2: rt.E2{A: 3, B: 4}}`, `{"b": 2, "B": 4}`, false},
	{"emb2 tagged beats untagged", "rt", `&rt.Emb2{T2: rt.T2{X: 1}, T1: rt.T1{X: 2}}`, `ENC`, false},
	{"emb3 two tagged dropped", "rt", `&rt.Emb3{T3: rt.T3{Y: 1}, T4: rt.T4{Z: 2}, W: 3}`, `ENC`, false},
	{"emb4 shallower wins", "rt", `&rt.Emb4{T1: rt.T1{X: 1}, X: "top"}`, `ENC`, false},
	{"emb5 nil embedded pointer", "rt", `&rt.Emb5{C: 1}`, `ENC`, false},
	{"emb5 embedded pointer", "rt", `&rt.Emb5{E1: &rt.E1{A: 1, B: 2}, C: 3}`, `ENC`, false},
	{"emb6 nil pointer at depth 1", "rt", `&rt.Emb6{Mid: rt.Mid{M: 1}, D: 2}`, `ENC`, false},
	{"emb6 pointer at depth 1", "rt", `&rt.Emb6{Mid: rt.Mid{E1: &rt.E1{A: 5, B: 6}, M: 1}, D: 2}`, `ENC`, false},
	{"emb7 unexported struct types", "rt", `rt.NewEmb7(1, 2, "q")`, `ENC`, false},
	{"emb7 unexported nil pointer", "rt", `rt.NewEmb7(1, 2, "")`, `ENC`, false},
	{"emb8 non-struct embedded", "rt", `func() *rt.Emb8 { f := rt.MyFloat(2.5); return rt.NewEmb8(1, "s", &f) }()`, `ENC`, false},
	{"emb8 non-struct embedded nil", "rt", `rt.NewEmb8(1, "s", nil)`, `{"MyInt": 1, "MyFloat": None}`, false},
	{"emb9 embedded interface", "rt", `rt.NewEmb9(rt.Word("hi"), 1)`, `ENC`, false},
	{"emb9 embedded interface nil", "rt", `rt.NewEmb9(nil, 1)`, `ENC`, false},
	{"emb10 promoted MarshalJSON via pointer", "rt", `&rt.Emb10{MJ: &rt.MJ{V: 7}, Other: 1}`, `ENC`, false},
	{"emb11 ambiguous MarshalJSON not promoted", "rt", `&rt.Emb11{MJ: rt.MJ{V: 1}, MJ2: rt.MJ2{W: 2}, Z: 3}`, `ENC`, false},
	{"emb12 promoted MarshalText", "rt", `&rt.Emb12{TM: rt.TM{S: "x"}, K: 1}`, `ENC`, false},
	{"emb13 shallower MarshalJSON wins", "rt", `&rt.Emb13{MJ: rt.MJ{V: 9}}`, `ENC`, false},
	{"emb14 tagged embedded", "rt", `&rt.Emb14{E1: rt.E1{A: 1, B: 2}, T3: rt.T3{Y: 3}}`, `ENC`, false},
	{"emb14 tagged embedded set", "rt", `&rt.Emb14{E1: rt.E1{A: 1, B: 2}, T3: rt.T3{Y: 3}, E2: &rt.E2{A: 4}, T2: &rt.T2{X: 5}}`, `ENC`, false},
	{"emb15 same type twice at depth 2", "rt", `&rt.Emb15{Wrap1: rt.Wrap1{E1: rt.E1{A: 1, B: 2}}, Wrap2: rt.Wrap2{E1: rt.E1{A: 3, B: 4}}, Top: 5}`, `ENC`, false},
	{"emb16 untagged shallow beats tagged deep", "rt", `&rt.Emb16{WrapTT: rt.WrapTT{WrapT: rt.WrapT{A: "deep"}}, A: true}`, `ENC`, false},
	{"emb17 embedded alias", "rt", `&rt.Emb17{AliasE1: rt.E1{A: 1, B: 2}, C: 3}`, `ENC`, false},
	{"emb18 embedded generic", "rt", `&rt.Emb18{G: rt.G[int]{Val: 1, Name: "g"}, Name: 0.5}`, `ENC`, false},
	{"emb20 dash tags on embedded", "rt", `&rt.Emb20{E1: rt.E1{A: 1}, T1: rt.T1{X: 2}, K: 3}`, `ENC`, false},
	{"dup tagged twice at top", "rt", `&rt.Dup{A: 1, B: 2, C: 3}`, `ENC`, false},
	{"dup2 tagged beats untagged at top", "rt", `&rt.Dup2{X: 1, Y: 2}`, `ENC`, false},
	{"self embedded", "rt", `&rt.Self{Self: &rt.Self{V: 2}, V: 1}`, `ENC`, false},
	{"mutual embedding", "rt", `&rt.CycA{CycB: &rt.CycB{Y: 2, CycA: &rt.CycA{X: 9}}, X: 1}`, `ENC`, false},

	// ---- tag names
	{"tag names", "rt", `&rt.Tags{A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, I: 9, J: 10, K: 11, L: 12, M: 13, N: 14, O: 15, P: 16, Q: 17, R: 18, S: 19, T: 20, U: 21, Ñe: 22, V: 23, W: 24, X: 25}`, `ENC`, false},
	{"tag names by hand", "rt", `&rt.Tags{A: 1, K: 0, X: 25}`,
		`{"a-b": 1, "$x": 0, "ü": 0, "a b": 0, "E": 0, "F": 0, "1": 0, "J": 0, "L": 0, "M": 0, "<&>": 0, "O": 0, "%": 0, "ǅ": 0, "٣": 0, "S": 0, "t": 0, "w2": 0, "Ñe": 0, "@[]^_{|}~": 0, "日本": 0}`, false},

	// ---- ,string
	{",string on every kind", "rt", `func() *rt.Str {
		i := 5
		pi := &i
		f := 1.0
		s := "é\"x"
		return &rt.Str{I: -3, U8: 255, F: 1.0, F32: 0.1, B: true, S: "é\"<x>", PI: &i, PP: &pi, MI: 7, MS: "ms",
			Sl: []int{1}, Any: 5, TM: rt.TM{S: "t"}, FNaN: math.NaN(), Big: big.NewInt(12), Dur: 5, Up: 9, Cel: 0.1,
			St: rt.E1{A: 1, B: 2}, PS: &s, Lvl: 3, Map: map[string]int{"a": 1}, Neg: -9, PF: &f, Arr: [1]bool{true},
			Pair: map[string]rt.Word{"k": "w"}, W: "w"}
	}()`,
		`{"I": Q(-3), "U8": Q(255), "F": Q(1.0), "F32": Q(f32(0.1)), "B": Q(True), "S": Q("é\"<x>"), "PI": Q(5), "PN": None, "PP": 5,
		"MI": Q(7), "MS": Q("ms"), "Sl": [1], "Any": 5, "TM": "tm:t", "FNaN": Q(nan), "Big": 12, "Dur": Q(5), "Up": Q(9),
		"Cel": Q(f32(0.1)), "St": {"A": 1, "b": 2}, "PS": Q("é\"x"), "Lvl": Q(3), "Map": {"a": 1}, "neg": Q(-9), "pf": Q(1.0),
		"Arr": [True], "Pair": {"k": "w"}, "W": Q("w")}`, false},
	{",string on json.Number", "rt", `&rt.StrNum{Num: "1.50"}`, `{"Num": Q(1.5)}`, true},

	// ---- omitempty
	{"omitempty zero values", "rt", `func() *rt.OE {
		z := 0
		return &rt.OE{Arr2: [2]int{}, SlE: []int{}, MapE: map[string]int{}, PZ: &z, IZ: 0, F: math.Copysign(0, -1),
			F32: float32(math.Copysign(0, -1)), Bytes: []byte{}, Names: ext.Names{}, Words: rt.Words{}, IP: net.IP{}}
	}()`, `ENC`, false},
	{"omitempty interface holding typed nil", "rt", `&rt.OE{I: (*rt.E1)(nil), Say: (*rt.Word)(nil)}`, `ENC`, false},
	{"omitempty set values", "rt", `&rt.OE{Lvl: 2, Names: ext.Names{"n"}, Words: rt.Words{"w"}, Big: big.NewInt(0), Cel: 0.5, Up: 1, MS: "m", Num: "7", Raw: json.RawMessage("[]"), IP: net.IPv4(1, 2, 3, 4)}`, `ENC`, false},

	// ---- omitzero
	{"omitzero zero values", "rt", `&rt.OZ{}`, `ENC`, false},
	{"omitzero non-zero values", "rt", `func() *rt.OZ {
		z := 0
		return &rt.OZ{Arr: [2]int{0, 1}, SlE: []int{}, MapE: map[string]int{}, St: struct{ A, B int }{0, 1},
			ZV: rt.ZV{N: 42}, ZVP: &rt.ZV{N: 42}, ZP: rt.ZP{N: 42}, ZPP: &rt.ZP{N: 42}, TP: &time.Time{},
			F: math.Copysign(0, -1), Both: []int{}, Any: 0, StF: struct{ F float64 }{math.Copysign(0, -1)},
			Nest: struct{ S []int }{[]int{}}, ZI: 101, ArrZV: [1]rt.ZV{{N: 1}}, ArrSl: [2][]int{nil, {}}, PtrZ: &z,
			MapArr: map[string][2][]int{}}
	}()`, `ENC`, false},
	{"omitzero interface holding a nil pointer whose IsZero has a pointer receiver", "rt", `&rt.OZ{IZ: (*rt.ZP)(nil), ZV: rt.ZV{N: 42}, ZP: rt.ZP{N: 42}, ZI: 101}`, `{}`, false},
	{"omitzero interface holding a nil pointer whose IsZero has a value receiver", "rt", `&rt.OZ{IZ: (*rt.ZV)(nil), ZV: rt.ZV{N: 42}, ZP: rt.ZP{N: 42}, ZI: 101}`, `{}`, false},
	{"omitzero non-nil pointer to zero time", "rt", `&rt.OZ{TP: &time.Time{}, ZV: rt.ZV{N: 42}, ZP: rt.ZP{N: 42}, ZI: 101}`, `{}`, false},
	{"omitzero IsZero on an interface value (true)", "rt", `&rt.OZ{IZ: rt.ZV{N: 42}, ZV: rt.ZV{N: 42}, ZP: rt.ZP{N: 42}, ZI: 101}`, `ENC`, false},
	{"omitzero IsZero on an interface value (false)", "rt", `&rt.OZ{IZ: rt.ZV{N: 1}, ZV: rt.ZV{N: 42}, ZP: rt.ZP{N: 42}, ZI: 101}`, `ENC`, false},
	{"omitzero IsZero on an interface pointer value", "rt", `&rt.OZ{IZ: &rt.ZP{N: 42}, ZVP: &rt.ZV{N: 1}, ZPP: &rt.ZP{N: 1}, ZV: rt.ZV{N: 42}, ZP: rt.ZP{N: 42}, ZI: 101}`, `ENC`, false},
	{"omitzero time and ext types", "rt", `&rt.OZ{T: time.Unix(0, 0).UTC(), Named: ext.Plain{Y: "y"}, Lvl: 1, G: ext.Gen{ID: 1}, Addr: netip.MustParseAddr("::1"), ZV: rt.ZV{N: 42}, ZP: rt.ZP{N: 42}, ZI: 101}`, `ENC`, false},
	{"omitzero NaN is not zero", "rt", `&rt.OZ{NaN: math.NaN(), StF: struct{ F float64 }{math.NaN()}}`, `{"ZV": {"N": 0}, "ZP": {"N": 0}, "NaN": nan, "StF": {"F": nan}, "ZI": 0}`, false},
	{"omitzero non-nil func", "rt", `&rt.OZ{FuncZ: func() {}, ZV: rt.ZV{N: 42}, ZP: rt.ZP{N: 42}, ZI: 101}`, `{"FuncZ": U("func()")}`, false},

	// ---- map keys
	{"map keys of every kind", "rt", `&rt.Keys{
		I8:   map[int8]string{-128: "a", 127: "b", 0: "c", -1: "d"},
		U64:  map[uint64]int{math.MaxUint64: 1, 0: 2, 10: 3, 9: 4},
		Uptr: map[uintptr]int{3: 1, 20: 2},
		NS:   map[rt.NamedStr]int{"b": 1, "a": 2, "é": 3, "Z": 4, "\xff": 5},
		B:    map[bool]int{true: 1, false: 0},
		F32:  map[float32]int{0.1: 1, 16777216: 2, -0.5: 3, 1e-45: 4, 3.4028235e38: 5},
		F64:  map[float64]int{1: 1, 1e16: 2, 1e-7: 3, -2.5: 4, 0.1: 6, 123456789.125: 7, 5e-324: 8},
		TK:   map[rt.Code]int{3: 1, 10: 2, -2: 3},
		TS:   map[rt.Upper]int{"b": 1, "a": 2},
		NF:   map[rt.MyFloat]int{2: 1, 0.5: 2},
		NB:   map[rt.MyBool]string{true: "t"},
		I:    map[int]int{10: 1, 9: 2, -10: 3, 100: 4},
		U8:   map[uint8]bool{200: true, 3: false},
		Str:  map[string]int{"b": 1, "a": 2, "": 3, "\u2028": 4, "\U0001F600": 5, "\x7f": 6},
	}`, `{"I8": {-128: "a", -1: "d", 0: "c", 127: "b"},
		"U64": {0: 2, 9: 4, 10: 3, 18446744073709551615: 1},
		"Uptr": {3: 1, 20: 2},
		"NS": {"Z": 4, "a": 2, "b": 1, "é": 3, "\ufffd": 5},
		"B": {False: 0, True: 1},
		"F32": {-0.5: 3, f32(1e-45): 4, f32(0.1): 1, 16777216.0: 2, 3.4028235e38: 5},
		"F64": {-2.5: 4, 5e-324: 8, 1e-7: 3, 0.1: 6, 1.0: 1, 123456789.125: 7, 1e16: 2},
		"TK": {"k100": 2, "k4": 3, "k9": 1},
		"TS": {"a": 2, "b": 1},
		"NF": {0.5: 2, 2.0: 1},
		"NB": {True: "t"},
		"I": {-10: 3, 9: 2, 10: 1, 100: 4},
		"U8": {3: False, 200: True},
		"Str": {"": 3, "a": 2, "b": 1, "\x7f": 6, "\u2028": 4, "\U0001F600": 5}}`, false},
	{"map keys F64 order fix", "rt", `&rt.Keys{F64: map[float64]int{5e-324: 8, -2.5: 4, math.Inf(1): 9, math.Inf(-1): 10}}`,
		`{"I8": None, "U64": None, "Uptr": None, "NS": None, "B": None, "F32": None, "F64": {-inf: 10, -2.5: 4, 5e-324: 8, inf: 9}, "TK": None, "TS": None, "NF": None, "NB": None, "I": None, "U8": None, "Str": None}`, false},
	{"map[any] kinds in order", "rt", `&rt.AnyKeys{M: map[any]string{nil: "n", true: "t", false: "f", 2.5: "x", 2: "i", "s": "s", uint8(3): "u", -1: "m"}}`,
		`{"M": {None: "n", False: "f", True: "t", -1: "m", 2: "i", 2.5: "x", 3: "u", "s": "s"}}`, false},
	{"map[any] numbers only sort", "rt", `&rt.AnyKeys{M: map[any]string{true: "t", 2.5: "x", 2: "i", uint64(math.MaxUint64): "u", int8(-1): "m", float32(0.1): "f"}}`,
		`{"M": {True: "t", -1: "m", f32(0.1): "f", 2: "i", 2.5: "x", 18446744073709551615: "u"}}`, false},
	{"map[any] true and 1 are one Python key", "rt", `&rt.AnyKeys{M: map[any]string{true: "t", 1: "one"}}`, `{"M": {True: "t", 1: "one"}}`, false},
	{"map[any] false and 0.0 are one Python key", "rt", `&rt.AnyKeys{M: map[any]string{false: "f", 0.0: "z"}}`, `{"M": {False: "f", 0.0: "z"}}`, false},
	{"map[any] int8(2) and int64(2) are one Python key", "rt", `&rt.AnyKeys{M: map[any]string{int8(2): "x", int64(2): "x"}}`, `{"M": {2: "x"}}`, false},
	{"map[any] 1 and \"1\" are two keys", "rt", `&rt.AnyKeys{M: map[any]string{1: "i", "1": "s"}}`, `{"M": {1: "i", "1": "s"}}`, false},
	{"map[any] unsupported key", "rt", `&rt.AnyKeys{M: map[any]string{rt.Pt{X: 1}: "p", "a": "b"}}`, `{"M": {"a": "b", U("rt.Pt"): "p"}}`, true},
	{"map[any] unsupported key only", "rt", `&rt.AnyKeys{M: map[any]string{rt.Pt{X: 1}: "p"}}`, `{"M": {U("rt.Pt"): "p"}}`, false},
	{"map[*T] TextMarshaler pointer keys", "rt", `&rt.PtrKeys{M: map[*rt.TKP]int{nil: 1, {S: "a"}: 2}}`, `ENC`, true},
	{"map[struct] keys", "rt", `&rt.StructKeys{M: map[rt.Pt]int{{X: 1}: 3}}`, `{"M": {U("rt.Pt"): 3}}`, false},
	{"map[struct] keys empty", "rt", `&rt.StructKeys{M: map[rt.Pt]int{}}`, `{"M": {}}`, false},
	{"map[array] keys", "rt", `&rt.ArrKeys{M: map[[2]int]int{{1, 2}: 3}}`, `{"M": {U("[2]int"): 3}}`, false},

	// ---- marshalers and the standard library (encoding/json decides addressability)
	{"marshalers", "rt", `func() *rt.Mar {
		tm := time.Date(2024, 2, 29, 13, 4, 5, 120000000, time.FixedZone("", -3600))
		return &rt.Mar{
			Raw: json.RawMessage(" {\"b\" : [1, 2.0, \"\\u00e9\", 1e2, -0.0], \"a\": {}, \"a\": 1} "),
			Num: "1.50", T: tm, TP: &tm, MJ: rt.MJ{V: 1}, Big: new(big.Int).Lsh(big.NewInt(1), 70), BigV: *big.NewInt(-5),
			Addr: netip.MustParseAddr("1.2.3.4"), Dur: 1500, IP: net.ParseIP("::1"), Img: image.Pt(1, 2), Rect: image.Rect(0, 0, 3, 4),
			PR: rt.PR{N: 1}, PRP: &rt.PR{N: 2}, PT: rt.PT{N: 3},
			HSl:  []rt.Holder{{P: rt.PR{N: 6}, T: rt.PT{N: 7}}},
			HArr: [1]rt.Holder{{P: rt.PR{N: 8}, T: rt.PT{N: 9}}},
			SlPR: []rt.PR{{N: 14}},
		}
	}()`, `ENC`, false},
	{"pointer-receiver marshalers in a map value's struct", "rt", `&rt.HolderMap{M: map[string]rt.Holder{"k": {P: rt.PR{N: 4}, T: rt.PT{N: 5}}}}`, `ENC`, false},
	{"pointer-receiver marshalers in a map value's named array", "rt", `&rt.PRArrMap{M: map[string]rt.PRArr{"a": {{N: 12}}}}`, `ENC`, false},
	{"pointer-receiver marshalers directly in a map value", "rt", `&rt.PRMap{M: map[string]rt.PR{"a": {N: 10}}, T: map[string]rt.PT{"a": {N: 11}}, A: map[string][1]rt.PR{"a": {{N: 13}}}}`, `ENC`, false},
	{"pointer-receiver marshalers in a slice of a map value", "rt", `&rt.PRMap{S: map[string][]rt.PR{"a": {{N: 14}}}}`, `ENC`, false},
	{"nil and empty net.IP", "rt", `&rt.NilIP{B: net.IP{}}`, `ENC`, false},
	{"raw message empty", "rt", `&rt.RawE{R: json.RawMessage{}}`, `ERR`, false},
	{"raw message nil", "rt", `&rt.RawE{}`, `{"R": None}`, false},
	{"raw message invalid", "rt", `&rt.RawE{R: json.RawMessage("{\"a\":}")}`, `ERR`, false},
	{"raw message trailing", "rt", `&rt.RawE{R: json.RawMessage("1 2")}`, `ERR`, false},
	{"raw message control char", "rt", `&rt.RawE{R: json.RawMessage("\"a\tb\"")}`, `ERR`, false},
	{"raw message lone surrogate", "rt", `&rt.RawE{R: json.RawMessage("\"\\ud800x\\udc00\"")}`, `{"R": "\ud800x\udc00"}`, true},
	{"raw message surrogate pair", "rt", `&rt.RawE{R: json.RawMessage("\"\\u00e9\\ud83d\\ude00\\/\"")}`, `{"R": "é😀/"}`, false},
	{"raw message numbers", "rt", `&rt.RawE{R: json.RawMessage("[123456789012345678901234567890, 1e400, -1e400, -0, -0.0, 1E5, 1.0e-5, 0.1e1, 1e-400, 12345678901234567890123456789.5, 1.7976931348623157e309, 0.30000000000000004]")}`,
		`{"R": [123456789012345678901234567890, inf, -inf, 0, -0.0, 100000.0, 1e-05, 1.0, 0.0, 1.2345678901234568e+28, inf, 0.30000000000000004]}`, false},
	{"raw message duplicate keys", "rt", `&rt.RawE{R: json.RawMessage("{\"b\": 1, \"a\": 2, \"b\": 3, \"\\u00e9\": 4, \"e\": 5}")}`, `{"R": {"b": 3, "a": 2, "é": 4, "e": 5}}`, false},
	{"raw message empty containers", "rt", `&rt.RawE{R: json.RawMessage("[ [ ], { }, [{}], {\"a\": []} ]")}`, `{"R": [[], {}, [{}], {"a": []}]}`, false},
	{"raw message NaN literal", "rt", `&rt.RawE{R: json.RawMessage("[NaN, Infinity, -Infinity]")}`, `{"R": [nan, inf, -inf]}`, true},
	{"raw message bad escape", "rt", `&rt.RawE{R: json.RawMessage("\"\\x41\"")}`, `ERR`, false},
	{"raw message invalid UTF-8", "rt", `&rt.RawE{R: json.RawMessage("\"\xff\"")}`, `{"R": "\ufffd"}`, true},
	{"json.Number empty", "rt", `&rt.NumE{}`, `{"N": 0}`, true},
	{"zero Nums", "rt", `&rt.Nums{}`, `{"F32": None, "F64": None, "I": None, "U": None, "Cel": None, "MF": None, "I8": [0, 0, 0]}`, false},
	{"json.Number 1e400", "rt", `&rt.NumE{N: "1e400"}`, `{"N": inf}`, false},
	{"json.Number -0", "rt", `&rt.NumE{N: "-0"}`, `{"N": 0}`, false},
	{"json.Number big", "rt", `&rt.NumE{N: "-12345678901234567890123"}`, `{"N": -12345678901234567890123}`, false},
	{"json.Number exponent", "rt", `&rt.NumE{N: "1E+2"}`, `{"N": 100.0}`, false},
	{"json.Number invalid", "rt", `&rt.NumE{N: "0x10"}`, `ERR`, false},
	{"json.Number plus", "rt", `&rt.NumE{N: "+1"}`, `ERR`, false},
	{"bad MarshalJSON", "rt", `&rt.HasBad{B: rt.BadMJ{S: "{"}}`, `ERR`, false},
	{"empty MarshalJSON", "rt", `&rt.HasBad{B: rt.BadMJ{S: ""}}`, `ERR`, false},
	{"MarshalJSON re-laid out", "rt", `&rt.HasBad{B: rt.BadMJ{S: " [1, {\"z\" :2.50, \"a\":[ ]}, \"\\u2028<\"] "}}`, `{"B": [1, {"z": 2.5, "a": []}, "\u2028<"]}`, false},

	// ---- any
	{"any int8", "rt", `&rt.AnyF{V: int8(-5)}`, `{"V": -5}`, false},
	{"any uint64 max", "rt", `&rt.AnyF{V: uint64(math.MaxUint64)}`, `{"V": 18446744073709551615}`, false},
	{"any float32", "rt", `&rt.AnyF{V: float32(0.1)}`, `{"V": f32(0.1)}`, false},
	{"any float64 integral", "rt", `&rt.AnyF{V: 1.0}`, `{"V": 1.0}`, false},
	{"any bytes", "rt", `&rt.AnyF{V: []byte("hi\xff")}`, `{"V": "aGn/"}`, false},
	{"any map[string]any", "rt", `&rt.AnyF{V: map[string]any{"b": 1, "a": []any{nil, true, 2.5}}}`, `{"V": {"a": [None, True, 2.5], "b": 1}}`, false},
	{"any json.Number", "rt", `&rt.AnyF{V: json.Number("1.50")}`, `{"V": 1.5}`, false},
	{"any RawMessage", "rt", `&rt.AnyF{V: json.RawMessage("[1, 2.0]")}`, `{"V": [1, 2.0]}`, false},
	{"any big.Int", "rt", `&rt.AnyF{V: big.NewInt(-7)}`, `{"V": -7}`, false},
	{"any nil big.Int", "rt", `&rt.AnyF{V: (*big.Int)(nil)}`, `{"V": None}`, false},
	{"any time", "rt", `&rt.AnyF{V: time.Date(2024, 2, 29, 13, 4, 5, 120000000, time.FixedZone("", -3600))}`, `{"V": ` + tmQ + `}`, false},
	{"any *T generated", "rt", `&rt.AnyF{V: &rt.E1{A: 1, B: 2}}`, `{"V": {"A": 1, "b": 2}}`, false},
	{"any T generated", "rt", `&rt.AnyF{V: rt.E1{A: 1, B: 2}}`, `{"V": {"A": 1, "b": 2}}`, false},
	{"any nil *T generated", "rt", `&rt.AnyF{V: (*rt.E1)(nil)}`, `{"V": None}`, false},
	{"any empty []int", "rt", `&rt.AnyF{V: []int{}}`, `{"V": []}`, false},
	{"any nil []int", "rt", `&rt.AnyF{V: []int(nil)}`, `{"V": None}`, false},
	{"any nil map[string]int", "rt", `&rt.AnyF{V: map[string]int(nil)}`, `{"V": None}`, false},
	{"any array", "rt", `&rt.AnyF{V: [2]int{}}`, `ENC`, false},
	{"any map[int]string", "rt", `&rt.AnyF{V: map[int]string{}}`, `ENC`, false},
	{"any generated named string", "rt", `&rt.AnyF{V: rt.Word("w")}`, `{"V": "w"}`, false},
	{"any time.Month", "rt", `&rt.AnyF{V: time.March}`, `ENC`, false},
	{"any uintptr", "rt", `&rt.AnyF{V: uintptr(7)}`, `{"V": 7}`, false},
	{"any complex64", "rt", `&rt.AnyF{V: complex64(1)}`, `{"V": U("complex64")}`, false},
	{"any nil", "rt", `&rt.AnyF{}`, `{"V": None}`, false},
	{"any anonymous struct", "rt", `&rt.AnyF{V: struct{}{}}`, `ENC`, false},
	{"any *int", "rt", `&rt.AnyF{V: new(int)}`, `ENC`, false},
	{"any nil *MJ (value-receiver Marshaler)", "rt", `&rt.AnyF{V: (*rt.MJ)(nil)}`, `{"V": None}`, false},
	{"any MJ", "rt", `&rt.AnyF{V: rt.MJ{V: 2}}`, `{"V": {"mj": [2, 1.5, "é"]}}`, false},
	{"any *Root (pointer MarshalJSON)", "rt", `&rt.AnyF{V: &rt.Root{}}`, `{"V": [1, {"z": 1.0, "a": []}]}`, false},
	{"any Root value", "rt", `&rt.AnyF{V: rt.Root{A: 3}}`, `{"V": {"A": 3}}`, true},
	{"any netip.Addr", "rt", `&rt.AnyF{V: netip.MustParseAddr("::1")}`, `{"V": "::1"}`, false},
	{"any error value", "rt", `&rt.AnyF{V: errors.New("x")}`, `ENC`, false},
	{"any nested typed forms", "rt", `&rt.AnyF{V: []any{int16(1), "x", []string{"a"}, map[string]bool{"t": true}, []bool{false}, map[string]int64{"i": -1}, []int64{2}}}`,
		`{"V": [1, "x", ["a"], {"t": True}, [False], {"i": -1}, [2]]}`, false},
	{"any map[string]float64", "rt", `&rt.AnyF{V: map[string]float64{"b": 1, "a": math.Inf(-1)}}`, `{"V": {"a": -inf, "b": 1.0}}`, false},
	{"any []float64 NaN", "rt", `&rt.AnyF{V: []float64{math.NaN(), 0.5}}`, `{"V": [nan, 0.5]}`, false},
	{"any Dict", "rt", `&rt.AnyF{V: rt.Dict{"b": 1, "a": nil}}`, `{"V": {"a": None, "b": 1}}`, false},
	{"any Grid", "rt", `&rt.AnyF{V: rt.Grid{{0.1, 2}}}`, `{"V": [[f32(0.1), 2.0], [0.0, 0.0]]}`, false},
	{"any *Grid", "rt", `&rt.AnyF{V: &rt.Grid{}}`, `{"V": [[0.0, 0.0], [0.0, 0.0]]}`, false},
	{"any Celsius", "rt", `&rt.AnyF{V: rt.Celsius(0.1)}`, `{"V": f32(0.1)}`, false},
	{"any ext.Level", "rt", `&rt.AnyF{V: ext.Level(3)}`, `{"V": 3}`, false},
	{"any ext.Names", "rt", `&rt.AnyF{V: ext.Names{"a"}}`, `{"V": ["a"]}`, false},
	{"any ext.Box[int]", "rt", `&rt.AnyF{V: ext.Box[int]{V: 1}}`, `{"V": {"v": 1}}`, false},
	{"any ext.Plain", "rt", `&rt.AnyF{V: ext.Plain{X: 1}}`, `ENC`, false},
	{"any json.Number empty", "rt", `&rt.AnyF{V: json.Number("")}`, `{"V": 0}`, true},
	{"any cyclic []any", "rt", `func() *rt.AnyF { s := []any{1, nil}; s[1] = s; return &rt.AnyF{V: s} }()`, `{"V": cyc([1, None], 1)}`, false},
	{"any cyclic map", "rt", `func() *rt.AnyF { m := map[string]any{"a": 1}; m["self"] = m; return &rt.AnyF{V: m} }()`, `{"V": cyc({"a": 1}, "self")}`, false},
	{"any shared not cyclic", "rt", `func() *rt.AnyF { s := []any{1}; return &rt.AnyF{V: []any{s, s, map[string]any{"x": s}}} }()`, `{"V": [[1], [1], {"x": [1]}]}`, false},

	// ---- numbers and strings
	{"numbers", "rt", `&rt.Nums{
		F32: []float32{0.1, 16777216, 1e-45, 3.4028235e38, float32(math.Copysign(0, -1)), 1.0 / 3, 100, 1e7, 1e-5, 123456.79, 1e21, 0.3},
		F64: []float64{1, 0.1, 1e16, 1e-7, 5e-324, math.MaxFloat64, math.Copysign(0, -1), 1e22, 1e21, 123456789012345680000, 0.000001, 1e-5, 1e15, 9007199254740993},
		I:   []int64{math.MinInt64, 0, -1, math.MaxInt64},
		U:   []uint64{math.MaxUint64, 0},
		Cel: []rt.Celsius{0.1, 1},
		MF:  []rt.MyFloat{2, 0.5},
		I8:  [3]int8{-128, 0, 127},
	}`, `{"F32": [f32(0.1), 16777216.0, f32(1e-45), 3.4028235e38, -0.0, f32(1/3), 100.0, 10000000.0, f32(1e-5), f32(123456.79), f32(1e21), f32(0.3)],
		"F64": [1.0, 0.1, 1e16, 1e-7, 5e-324, 1.7976931348623157e308, -0.0, 1e22, 1e21, 123456789012345680000.0, 0.000001, 1e-5, 1e15, 9007199254740992.0],
		"I": [-9223372036854775808, 0, -1, 9223372036854775807], "U": [18446744073709551615, 0],
		"Cel": [f32(0.1), 1.0], "MF": [2.0, 0.5], "I8": [-128, 0, 127]}`, false},
	{"non-finite floats", "rt", `&rt.Nums{F64: []float64{math.Inf(1), math.Inf(-1), math.NaN()}, F32: []float32{float32(math.Inf(-1))}}`,
		`{"F32": [-inf], "F64": [inf, -inf, nan], "I": None, "U": None, "Cel": None, "MF": None, "I8": [0, 0, 0]}`, false},
	{"strings", "rt", `&rt.Strs{
		S:  []string{"\xff", "a\xc0\x80", "\xed\xa0\x80", "\xe2\x82", "\xf4\x90\x80\x80", "\u2028\u2029", "\x7f", "\x00\x1f", "<>&", "😀", "\"\\/", "é", "\xe2\x82\xac", "\xef\xbf\xbd", "\xf0\x9f\x98"},
		M:  map[string]string{"\xff": "\xfe", "k\x00": "\t"},
		B:  []byte{0, 1, 255, 254},
		Bl: rt.Blob("hi"),
		MB: []rt.MyByte{1, 2},
		BA: [3]byte{1, 2, 3},
		MJ: []rt.MJB{1, 2},
	}`, `{"S": ["\ufffd", "a\ufffd\ufffd", "\ufffd\ufffd\ufffd", "\ufffd\ufffd", "\ufffd\ufffd\ufffd\ufffd", "\u2028\u2029", "\x7f", "\x00\x1f", "<>&", "😀", "\"\\/", "é", "€", "\ufffd", "\ufffd\ufffd\ufffd"],
		"M": {"k\x00": "\t", "\ufffd": "\ufffd"}, "B": "AAH//g==", "BN": None, "Bl": "aGk=", "MB": "AQI=", "BA": [1, 2, 3], "MJ": ["b1", "b2"]}`, false},

	// ---- recursion, pointer chains, arrays
	{"tree", "rt", `&rt.Node{V: 1, Next: &rt.Node{V: 2}, Kids: []rt.Node{{V: 3}}, M: map[string]*rt.Node{"x": nil, "a": {V: 4}}}`,
		`{"V": 1, "Next": {"V": 2}, "Kids": [{"V": 3}], "M": {"a": {"V": 4}, "x": None}}`, false},
	{"cycle through a pointer", "rt", `func() *rt.Node { n := &rt.Node{V: 1}; n.Next = n; return n }()`, `cyc({"V": 1}, "Next")`, false},
	{"cycle through any", "rt", `func() *rt.Node { n := &rt.Node{V: 1}; n.A = n; return n }()`, `cyc({"V": 1}, "A")`, false},
	{"cycle through a map", "rt", `func() *rt.Node { n := &rt.Node{V: 1}; n.M = map[string]*rt.Node{"self": n}; return n }()`, `cyc2({"V": 1}, "M", "self")`, false},
	{"shared pointer not a cycle", "rt", `func() *rt.Node { l := &rt.Node{V: 2}; return &rt.Node{V: 1, M: map[string]*rt.Node{"a": l, "b": l}, A: []any{l, l}} }()`,
		`{"V": 1, "M": {"a": {"V": 2}, "b": {"V": 2}}, "A": [{"V": 2}, {"V": 2}]}`, false},
	{"pointer chains and empty arrays", "rt", `func() *rt.Ptrs { i := 5; p := &i; pp := &p; s := "x"; ps := &s; return &rt.Ptrs{P3: &pp, P2: &ps, PN: new(*int), PA: &[2]*int{&i, nil}} }()`,
		`{"P3": 5, "P2": "x", "PN": None, "A0": [], "A0S": [], "A30": [[], [], []], "PA": [5, None]}`, false},

	// ---- generics
	{"generic instances", "rt", `&rt.GenUse{P: rt.Pair[string, float32]{"k", 0.1}, Q: rt.Pair[int, []rt.Pair[bool, *int]]{1, []rt.Pair[bool, *int]{{true, nil}}},
		M: map[string]rt.Pair[rt.Word, any]{"m": {"w", []any{1}}}, B: ext.Box[float32]{V: 0.1}, BC: ext.Box[rt.Celsius]{V: 0.5}, BW: ext.Box[rt.Word]{V: "w"}}`,
		`{"P": {"k": "k", "v": f32(0.1)}, "Q": {"k": 1, "v": [{"k": True, "v": None}]}, "M": {"m": {"k": "w", "v": [1]}}, "B": {"v": f32(0.1)}, "BC": {"v": 0.5}, "BW": {"v": "w"}}`, false},
	{"generic of another package with an array argument", "rt", `&rt.GenArr{B: ext.Box[[2]int]{V: [2]int{1, 2}}}`, `{"B": {"v": [1, 2]}}`, true},

	// ---- unsupported kinds
	{"unsupported kinds", "rt", `&rt.Unsup{C: 1 + 2i, OK: 1}`, `{"C": U("complex128"), "Ch": U("chan int"), "Fn": U("func()"), "C64": U("complex64"), "OK": 1}`, false},

	// ---- roots that are not plain structs
	{"root map", "rt", `&rt.Dict{"b": 1, "a": []any{}}`, `{"a": [], "b": 1}`, false},
	{"root array of float32", "rt", `&rt.Grid{{0.1, 2}, {}}`, `[[f32(0.1), 2.0], [0.0, 0.0]]`, false},
	{"root with MarshalJSON", "rt", `&rt.Root{A: 1}`, `[1, {"z": 1.0, "a": []}]`, false},
	{"root with MarshalText", "rt", `&rt.RootT{}`, `"ü<>"`, false},
	{"root named string", "rt", `func() *rt.Word { w := rt.Word("x\xff"); return &w }()`, `"x\ufffd"`, false},
	{"root named float32", "rt", `func() *rt.Celsius { c := rt.Celsius(0.1); return &c }()`, `f32(0.1)`, false},
	{"root named slice", "rt", `&rt.Words{"a", "b"}`, `["a", "b"]`, false},
	{"generic with a pointer-receiver marshaler field, in an any", "rt", `&rt.AnyF{V: rt.GPR[int]{A: rt.PR{N: 1}, B: 2}}`, `{"V": {"A": {"N": 1}, "B": 2}}`, false},
	{"generic with a pointer-receiver marshaler field, through a pointer in an any", "rt", `&rt.AnyF{V: &rt.GPR[int]{A: rt.PR{N: 1}, B: 2}}`, `{"V": {"A": "pr1", "B": 2}}`, false},
	{"generic whose instantiation here has a pointer-receiver marshaler, as a value in an any", "rt", `&rt.AnyF{V: rt.GW[rt.PR]{A: rt.PR{N: 1}}}`, `{"V": {"A": {"N": 1}}}`, false},
	{"generic whose instantiation here has a pointer-receiver marshaler, as a pointer in an any", "rt", `&rt.AnyF{V: &rt.GW[rt.PR]{A: rt.PR{N: 1}}}`, `{"V": {"A": "pr1"}}`, false},
	{"generic field of a generic value in an any", "rt", `&rt.AnyF{V: rt.GL[int]{}}`, `{"V": {"L": {"P": {"N": 0}, "X": 0}, "Q": {"N": 0}}}`, false},
	{"generic field of a generic pointer in an any", "rt", `&rt.AnyF{V: &rt.GL[int]{}}`, `{"V": {"L": {"P": "pr0", "X": 0}, "Q": "pr0"}}`, false},
	// The pointer was checked twice, by the field's code and by Link's
	// own method: a false "Circular reference detected".
	{"pointer to a cyclic generated type of another package", "rt", `&rt.PtrLink{L: &ext.Link{N: 1, Next: &ext.Link{N: 2}}}`, `ENC`, false},
	{"cycle through a cyclic generated type of another package", "rt", `func() *rt.PtrLink { l := &ext.Link{N: 1}; l.Next = l; return &rt.PtrLink{L: l} }()`, `{"L": cyc({"n": 1}, "next"), "Back": None}`, false},
	{"generic types of another package: hand-written methods, fields not nameable here", "rt", `&rt.UseExt{C: ext.Custom[int]{V: 5}, B: ext.NewBox3(7)}`, `{"C": "custom", "B": {"V": 7, "M": {"k": {"H": 1}}}}`, false},
	{"generic types of another package whose fields cannot be written here", "rt", `&rt.UseExt2{P: ext.NewGP(1), T: ext.NewGT(2), Z: ext.GZ[int]{V: 3}}`, `{"P": {"ix": 4, "V": 1}, "T": {"t": {"ix": 5}, "V": 2}, "Z": {"V": 3}}`, false},
	{"root nil pointer", "rt", `(*rt.E1)(nil)`, `None`, false},
	{"root nil named slice", "rt", `&rt.Words{}`, `[]`, false},

	// ---- probes: things that may not generate at all
	{"embedded struct of another package with generated methods", "probe_embgen", `&probe_embgen.Emb19{Plain: ext.Plain{X: 1, Y: "y"}, Gen: ext.Gen{ID: 2}, Z: 3}`, `ENC`, false},
	{"field type embedding a generated type of another package", "probe_wrapgen", `&probe_wrapgen.HasWrapper{W: probe_wrapgen.Wrapper{Gen: ext.Gen{ID: 1}, Extra: "e"}}`, `ENC`, false},
	{"any holding a type embedding a generated type", "rt", `&rt.AnyF{V: struct{ ext.Gen; Extra string }{ext.Gen{ID: 1}, "e"}}`, `ENC`, false},
	{"struct of another package embedding its unexported struct", "probe_outer", `&probe_outer.UseOuter{O: ext.NewOuter(1, 2)}`, `ENC`, false},
	{"struct of another package embedding a pointer to its unexported struct", "probe_outerp", `&probe_outerp.UseOuterP{O: ext.NewOuterP(1, 2)}`, `ENC`, false},
	{"struct of another package embedding a nil pointer to its unexported struct", "probe_outerp", `&probe_outerp.UseOuterP{O: ext.NewOuterP(-1, 2)}`, `ENC`, false},
	{"big.Int as a map value", "probe_bigmap", `&probe_bigmap.BigMap{M: map[string]big.Int{"a": *big.NewInt(5)}}`, `ENC`, true},
	{"omitempty on a type-parameter field", "probe_genomit", `&probe_genomit.UseOpt{A: probe_genomit.Opt[int]{K: "a"}, B: probe_genomit.Opt[string]{K: "b", V: "x"}, C: probe_genomit.Opt[[]int]{K: "c", V: []int{}}}`, `ENC`, false},
	{"omitzero on a type-parameter field", "probe_genzero", `&probe_genzero.UseOptZ{A: probe_genzero.OptZ[int]{K: "a"}, B: probe_genzero.OptZ[string]{K: "b", V: "x"}}`, `ENC`, false},
	{"named pointer types", "probe_namedptr", `func() *probe_namedptr.NP { i := 4; return &probe_namedptr.NP{Loc: probe_namedptr.Loc{X: 1, Y: "y"}, P: &i, S: &i} }()`, `{"X": 1, "y": "y", "p": 4, "s": 4}`, false},
	{"generic with a union constraint", "probe_genunion", `&probe_genunion.UseNum{I: probe_genunion.Num[int]{V: 1, VS: 2, L: []int{3}}, F: probe_genunion.Num[float64]{V: 1, VS: 2.5}}`,
		`{"i": {"v": 1, "vs": Q(2), "l": [3]}, "f": {"v": 1.0, "vs": Q(2.5), "l": None}}`, false},
}

// advPython evaluates each case under each option set. Input: one JSON
// document {"opts": [...], "cases": [{"py": ..., "enc": ...}]}; output: one
// JSON list of lists of results, "OK:<hex of UTF-8 (surrogatepass)>" or
// "ERR:<class>:<message>".
const advPython = `
import json, struct, sys

def f32(x):
    b = struct.unpack('<f', struct.pack('<f', x))[0]
    for p in range(1, 18):
        s = '%.*g' % (p, b)
        if struct.unpack('<f', struct.pack('<f', float(s)))[0] == b:
            return float(s)
    return b

_classes = {}
def U(name):
    if name not in _classes:
        _classes[name] = type(name, (), {})
    return _classes[name]()

def cyc(d, k):
    d[k] = d
    return d

def cyc2(d, k1, k2):
    d[k1] = {k2: d}
    return d

nan, inf = float('nan'), float('inf')
doc = json.load(sys.stdin)
res = []
for c in doc['cases']:
    row = []
    for kw in doc['opts']:
        kw = dict(kw)
        if kw.pop('default', False):
            kw['default'] = lambda o: 'D'
        if 'separators' in kw:
            kw['separators'] = tuple(kw['separators'])
        EA = kw.get('ensure_ascii', True)
        AN = kw.get('allow_nan', True)
        def Q(x):
            return json.dumps(x, ensure_ascii=EA, allow_nan=AN)
        def ENCKEYS(*names):
            full = json.loads(c['enc'])
            return {k: full[k] for k in names}
        env = dict(f32=f32, U=U, cyc=cyc, cyc2=cyc2, nan=nan, inf=inf, Q=Q, ENCKEYS=ENCKEYS)
        try:
            if c['py'] == 'ERR':
                row.append('ERR:*:*')
                continue
            if c['py'] == 'ENC':
                if c['enc'] is None:
                    row.append('ERR:*:encoding/json failed')
                    continue
                v = json.loads(c['enc'])
            else:
                v = eval(c['py'], env)
            s = json.dumps(v, **kw)
            row.append('OK:' + s.encode('utf-8', 'surrogatepass').hex())
        except Exception as e:
            row.append('ERR:%s:%s' % (type(e).__name__, e))
    res.append(row)
json.dump(res, sys.stdout)
`

func TestAdversarialTypes(t *testing.T) {
	goTool := goTestEnv(t)

	src := testdataDir(t, "adversarial_types")
	work := t.TempDir()
	testmod.Write(t, work, "rtmod")

	// Generate each package; a probe that does not generate is a finding.
	ok := map[string]bool{}
	typeDecl := regexp.MustCompile(`(?m)^type ([A-Z]\w*)`)
	for _, p := range advPackages {
		dir := filepath.Join(work, p.dir)
		copyGoFiles(t, filepath.Join(src, p.dir), dir)
		types := p.types
		if types == nil {
			data, err := os.ReadFile(filepath.Join(dir, "types.go"))
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range typeDecl.FindAllStringSubmatch(string(data), -1) {
				switch m[1] {
				case "Sayer", "Zeroer", "AliasE1":
					continue
				}
				types = append(types, m[1])
			}
		}
		res, err := generateNoPanic(Config{Dir: dir, Types: types})
		if p.refuse != "" {
			if err == nil || !strings.Contains(err.Error(), p.refuse) {
				t.Errorf("package %s: Generate(-type=%s) = %v, want an error saying %q", p.dir, strings.Join(types, ","), err, p.refuse)
			}
			continue
		}
		if err != nil {
			t.Errorf("package %s: Generate(-type=%s) failed (encoding/json encodes these types):\n%s", p.dir, strings.Join(types, ","), clipText(err.Error(), 3000))
			continue
		}
		for _, f := range res.Files {
			if err := os.WriteFile(f.Path, f.Content, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		ok[p.dir] = true
	}
	if !ok["ext"] || !ok["rt"] {
		t.Fatal("the main packages did not generate")
	}

	var cases []advCase
	for _, c := range advCases {
		if ok[c.pkg] {
			cases = append(cases, c)
		}
	}
	if err := os.MkdirAll(filepath.Join(work, "driver"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(work, "driver", "main.go"), []byte(advDriver(cases, ok)), 0o644); err != nil {
		t.Fatal(err)
	}
	var got []struct {
		Enc    *string  // encoding/json's output, nil if it failed
		EncErr string   // its error
		Out    []string // per option set: OK:<hex> or ERR:<class>:<msg>
		Dyn    []string // jsondump.Dumps(v), the same
	}
	diffs := runDriverTwoPaths(t, goTool, work, &got)
	reportPaths(t, diffs, func(d pathDiff) string { return fmt.Sprintf("case %q", cases[d.index].name) })
	if len(got) != len(cases) {
		t.Fatalf("driver printed %d cases, want %d", len(got), len(cases))
	}

	// python3, once.
	type pyCase struct {
		Py  string  `json:"py"`
		Enc *string `json:"enc"`
	}
	var doc struct {
		Opts  []json.RawMessage `json:"opts"`
		Cases []pyCase          `json:"cases"`
	}
	for _, o := range advOptions {
		doc.Opts = append(doc.Opts, json.RawMessage(o.py))
	}
	for i, c := range cases {
		doc.Cases = append(doc.Cases, pyCase{c.py, got[i].Enc})
	}
	in, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	var want [][]string
	if err := json.Unmarshal(pyoracle.Run(t, advPython, in), &want); err != nil {
		t.Fatalf("python3 output: %v", err)
	}

	var infos []string
	for i, c := range cases {
		g := got[i]
		var bad []string
		for j, o := range advOptions {
			w, o1, d := want[i][j], g.Out[j], g.Dyn[j]
			// Both paths write a generated root: they agree, errors aside
			// (the texts of two errors may differ in what they name).
			if d != o1 && !(strings.HasPrefix(d, "ERR:") && strings.HasPrefix(o1, "ERR:")) {
				bad = append(bad, fmt.Sprintf("  options {%s}: v.Dumps and jsondump.Dumps(v) differ:\n    v.Dumps:          %s\n    jsondump.Dumps(v): %s", o.goSrc, readableRT(o1), readableRT(d)))
			}
			if outputsMatch(o1, w) {
				continue
			}
			bad = append(bad, fmt.Sprintf("  options {%s} (python: %s):\n    jsondump: %s\n    python3:  %s", o.goSrc, o.py, readableRT(o1), readableRT(w)))
		}
		if len(bad) == 0 {
			continue
		}
		enc := "encoding/json: error " + g.EncErr
		if g.Enc != nil {
			enc = "encoding/json: " + *g.Enc
		}
		msg := fmt.Sprintf("case %q (%d of %d option sets differ)\n  value: %s\n  python: %s\n  %s\n%s",
			c.name, len(bad), len(advOptions), clipText(c.goV, 600), clipText(c.py, 600), clipText(enc, 600), strings.Join(bad[:min(len(bad), 3)], "\n"))
		if c.info {
			infos = append(infos, msg)
			continue
		}
		t.Error(msg)
	}
	sort.Strings(infos)
	for _, m := range infos {
		t.Logf("info (the documented mapping does not decide; not a failure):\n%s", m)
	}
	t.Logf("%d cases x %d option sets compared with python3", len(cases), len(advOptions))
}

// outputsMatch compares a jsondump result with python3's.
func outputsMatch(got, want string) bool {
	if got == want {
		return true
	}
	if !strings.HasPrefix(want, "ERR:") || !strings.HasPrefix(got, "ERR:") {
		return false
	}
	wcls, wmsg, _ := strings.Cut(strings.TrimPrefix(want, "ERR:"), ":")
	gcls, gmsg, _ := strings.Cut(strings.TrimPrefix(got, "ERR:"), ":")
	if wcls == "*" {
		return true
	}
	// CPython 3.11 words some messages shorter than 3.12, which jsondump follows.
	return wcls == gcls && strings.HasPrefix(gmsg, wmsg)
}

func readableRT(r string) string {
	if h, ok := strings.CutPrefix(r, "OK:"); ok {
		b, err := hex.DecodeString(h)
		if err == nil {
			return clipText(fmt.Sprintf("%q", b), 1500)
		}
	}
	return clipText(r, 1500)
}

// advDriver writes the driver program.
func advDriver(cases []advCase, ok map[string]bool) string {
	var b strings.Builder
	b.WriteString(`package main

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"io"
	"math"
	"math/big"
	"net"
	"net/netip"
	"os"
	"time"

	"github.com/jsondump/jsondump"
`)
	var pkgs []string
	for p := range ok {
		pkgs = append(pkgs, p)
	}
	sort.Strings(pkgs)
	for _, p := range pkgs {
		fmt.Fprintf(&b, "\t%q\n", "rtmod/"+p)
	}
	b.WriteString(`)

var (
	_ = image.Pt
	_ = math.Pi
	_ = big.NewInt
	_ = net.IPv4
	_ = netip.MustParseAddr
	_ = time.Now
	_ = errors.New
)

type dumper interface {
	Dumps(opts ...jsondump.Option) (string, error)
}

func hook(v any) (any, error) { return "D", nil }

var optionSets = [][]jsondump.Option{
`)
	for _, o := range advOptions {
		fmt.Fprintf(&b, "\t{%s},\n", o.goSrc)
	}
	b.WriteString(`}

` + rtDriverHelpers + `
type result struct {
	Enc    *string
	EncErr string
	Out    []string
	Dyn    []string
}

` + rtDriverEncJSON + rtDriverAsDumper + `
func main() {
	values := []func() any{
`)
	for _, c := range cases {
		fmt.Fprintf(&b, "\t\tfunc() any { return %s },\n", c.goV)
	}
	b.WriteString(`	}
	var results []result
	for _, f := range values {
		x := f()
		v := asDumper(x)
		var r result
		r.Enc, r.EncErr = encJSON(x)
		for _, opts := range optionSets {
			r.Out = append(r.Out, try(func() (string, error) { return v.Dumps(opts...) }))
			r.Dyn = append(r.Dyn, try(func() (string, error) { return jsondump.Dumps(x, opts...) }))
		}
		results = append(results, r)
	}
	if err := json.NewEncoder(os.Stdout).Encode(results); err != nil {
		panic(err)
	}
}
`)
	return b.String()
}

// Pieces of the drivers' source, shared by adversarial_test.go,
// keys_cycles_stdlib_test.go and aliases_generics_test.go: errType names an error by its
// jsondump type, try runs an encoding and returns "OK:<hex>" or
// "ERR:<type>:<message>", encJSON is encoding/json's output for reference.
const (
	rtDriverHelpers = `func errType(err error) string {
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

func try(f func() (string, error)) (res string) {
	defer func() {
		if r := recover(); r != nil {
			res = fmt.Sprintf("ERR:panic:%v", r)
		}
	}()
	s, err := f()
	if err != nil {
		return "ERR:" + errType(err) + ":" + err.Error()
	}
	return "OK:" + hex.EncodeToString([]byte(s))
}
`

	// rtDriverAsDumper gives every value the three methods: its generated
	// ones, or, for a value without them (in the build without the
	// generated files, where every value takes jsondump's reflective
	// path), the root package's functions. It needs "io" and jsondump.
	rtDriverAsDumper = `
// asDumper returns v's generated methods, else the root package's
// functions on v: the same calls in the build without generated files.
func asDumper(v any) dumper {
	if d, ok := v.(dumper); ok {
		return d
	}
	return reflected{v}
}

type reflected struct{ v any }

func (r reflected) Dumps(opts ...jsondump.Option) (string, error) { return jsondump.Dumps(r.v, opts...) }
func (r reflected) AppendDumps(dst []byte, opts ...jsondump.Option) ([]byte, error) {
	return jsondump.AppendDumps(dst, r.v, opts...)
}
func (r reflected) Dump(w io.Writer, opts ...jsondump.Option) error { return jsondump.Dump(w, r.v, opts...) }

var _ io.Writer
`

	rtDriverEncJSON = `func encJSON(v any) (s *string, msg string) {
	defer func() {
		if r := recover(); r != nil {
			s, msg = nil, fmt.Sprintf("panic: %v", r)
		}
	}()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err.Error()
	}
	out := string(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
	return &out, ""
}
`

	// rtDriverMain begins main in the drivers that compare v.Dumps,
	// jsondump.Dumps(v) and v.Dump; the cases follow, then rtDriverRun.
	rtDriverMain = `type result struct {
	Enc    *string
	EncErr string
	Out    []string
	Dyn    []string
	Strm   []string
}

` + rtDriverEncJSON + rtDriverAsDumper + `
type testCase struct {
	v    func() any
	opts []int
}

func main() {
	cases := []testCase{
`
	rtDriverRun = `	}
	var results []result
	for _, c := range cases {
		x := c.v()
		v := asDumper(x)
		var r result
		r.Enc, r.EncErr = encJSON(x)
		for _, o := range c.opts {
			opts := optionSets[o]
			r.Out = append(r.Out, try(func() (string, error) { return v.Dumps(opts...) }))
			r.Dyn = append(r.Dyn, try(func() (string, error) { return jsondump.Dumps(x, opts...) }))
			r.Strm = append(r.Strm, try(func() (string, error) {
				var buf bytes.Buffer
				err := v.Dump(&buf, opts...)
				return buf.String(), err
			}))
		}
		results = append(results, r)
	}
	if err := json.NewEncoder(os.Stdout).Encode(results); err != nil {
		panic(err)
	}
}
`
)
