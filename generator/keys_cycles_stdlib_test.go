package generator

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/jsondump/jsondump/internal/pyoracle"
	"github.com/jsondump/jsondump/internal/testmod"
)

// TestKeysCyclesStdlib is a second adversarial end-to-end check, covering what
// TestAdversarialTypes and the property test do not: map keys whose MarshalText is
// on the pointer or fails, interface-keyed maps with mixed kinds under
// sort_keys/skipkeys, interface map values holding generated types, cycles
// and shared pointers, non-finite floats under allow_nan=False, *big.Int
// beyond 4300 digits, standard-library types as fields and map values,
// named basic kinds and map/slice/array types as -type roots, interface
// fields holding typed nil pointers, the Default hook on chan/func/complex
// values, unicode identifiers and odd tags, a 200-field struct, deeply
// nested anonymous structs, two jsondumpgen runs in one package, -output,
// -tags, and types declared in _test.go files.
//
// Harness: as TestAdversarialTypes (testdata/keys_cycles_stdlib_types copied into a throwaway
// module, generated with Generate, one driver binary, one python3 process).
// Each case names its option sets. The expected value is a Python
// expression written from README's mapping, or "ENC" (json.loads of
// encoding/json's output, used only where the two mappings agree).

// rt2Options are the option sets: Go source, Python keyword arguments (JSON;
// "default": "D" is default=lambda o: "D", "default": "hook2" the hook2
// below).
var rt2Options = []struct{ goSrc, py string }{
	0:  {``, `{}`},
	1:  {`jsondump.Indent(2)`, `{"indent": 2}`},
	2:  {`jsondump.SortKeys(true)`, `{"sort_keys": true}`},
	3:  {`jsondump.EnsureASCII(false)`, `{"ensure_ascii": false}`},
	4:  {`jsondump.SkipKeys(true), jsondump.SortKeys(true)`, `{"skipkeys": true, "sort_keys": true}`},
	5:  {`jsondump.AllowNaN(false)`, `{"allow_nan": false}`},
	6:  {`jsondump.CheckCircular(false)`, `{"check_circular": false}`},
	7:  {`jsondump.Default(hook), jsondump.Separators(",", ":")`, `{"default": "D", "separators": [",", ":"]}`},
	8:  {`jsondump.Default(hook2), jsondump.Indent(1), jsondump.SortKeys(true)`, `{"default": "hook2", "indent": 1, "sort_keys": true}`},
	9:  {`jsondump.SkipKeys(true), jsondump.IndentString("\t")`, `{"skipkeys": true, "indent": "\t"}`},
	10: {`jsondump.Default(hook2), jsondump.CheckCircular(false)`, `{"default": "hook2", "check_circular": false}`},
	11: {`jsondump.Default(hook2)`, `{"default": "hook2"}`},
	12: {`jsondump.AllowNaN(false), jsondump.Indent(0)`, `{"allow_nan": false, "indent": 0}`},
}

// rt2Std is the option sets a case uses when it names none.
var rt2Std = []int{0, 1, 2, 3, 4, 5, 7}

type rt2Case struct {
	name string
	pkg  string // package of the value's type: r2, multi, tagged
	goV  string // a Go expression of a value with a Dumps method
	py   string // Python expression; "ENC": json.loads of encoding/json's output; "ERR": any error
	opts []int  // option sets; nil: rt2Std
	info bool   // the documented mapping does not clearly decide: log only
}

// k2 builds a Keys2 Python dict.
const k2 = `rec("PK VKS EK FK BK SK UK TM TT AK", `

const (
	mv     = `rec("Any Arr ArrV ArrH Anon PArr Slice Nest IfMJ Err Str", `
	fl     = `rec("F64 F32 Arr M MK P", `
	bg     = `rec("B BV BS BM BF BFP BR BRP", `
	ifc    = `rec("A S M T E AS AM", `
	tree   = `func() *r2.Tree { `
	unsRec = `uns(`
)

var rt2Cases = []rt2Case{
	// ---- map keys with MarshalText on the pointer, on the value, failing
	{"int key with pointer MarshalText is an int", "r2", `&r2.Keys2{PK: map[r2.PK]string{3: "a", -1: "b", 10: "c"}}`, k2 + `PK={-1: "b", 3: "a", 10: "c"})`, nil, false},
	{"struct key with pointer MarshalText is not a key", "r2", `&r2.KeysP{PKS: map[r2.PKS]int{{A: 1}: 1}}`, `{"PKS": {U("r2.PKS"): 1}}`, []int{0, 4, 9}, false},
	{"struct key with value MarshalText", "r2", `&r2.Keys2{VKS: map[r2.VKS]int{{1, 2}: 1, {10, 0}: 2, {1, 10}: 3}}`, k2 + `VKS={"1/10": 3, "1/2": 1, "10/0": 2})`, nil, false},
	{"struct key with value MarshalText by encoding/json", "r2", `&r2.Keys2{VKS: map[r2.VKS]int{{1, 2}: 1, {10, 0}: 2, {1, 10}: 3}}`, `ENC`, []int{0, 2}, false},
	{"text key without error", "r2", `&r2.Keys2{EK: map[r2.EK]int{2: 2, 11: 11}}`, k2 + `EK={"e11": 11, "e2": 2})`, nil, false},
	{"text key whose MarshalText fails", "r2", `&r2.Keys2{EK: map[r2.EK]int{-1: 1, 2: 2}}`, `ERR`, []int{0, 4}, false},
	{"float text key", "r2", `&r2.Keys2{FK: map[r2.FK]int{0.5: 1, -2: 2, 1e21: 3}}`, k2 + `FK={"f-2": 2, "f0.5": 1, "f1e+21": 3})`, nil, false},
	{"float text key NaN", "r2", `&r2.Keys2{FK: map[r2.FK]int{r2.FK(math.NaN()): 1}}`, k2 + `FK={"fNaN": 1})`, nil, false},
	{"bool text key", "r2", `&r2.Keys2{BK: map[r2.BK]int{true: 1, false: 2}}`, k2 + `BK={"no": 2, "yes": 1})`, nil, false},
	{"string key with pointer MarshalText", "r2", `&r2.Keys2{SK: map[r2.SK]int{"b": 1, "a": 2}}`, k2 + `SK={"a": 2, "b": 1})`, nil, false},
	{"text keys outside the BMP", "r2", `&r2.Keys2{UK: map[r2.UK]int{0: 0, 1: 1, 2: 2, 0x80: 3}}`, k2 + `UK={"\uff80": 3, "\ufffe": 2, "\uffff": 1, "\U00010000": 0})`, nil, false},
	{"TextMarshaler interface keys", "r2", `&r2.Keys2{TM: map[encoding.TextMarshaler]int{time.Unix(0, 0).UTC(): 1, netip.MustParseAddr("1.2.3.4"): 2, r2.VKS{A: 1}: 3}}`, k2 + `TM={"1.2.3.4": 2, "1/0": 3, "1970-01-01T00:00:00Z": 1})`, nil, false},
	{"TextMarshaler interface keys by encoding/json", "r2", `&r2.Keys2{TM: map[encoding.TextMarshaler]int{time.Unix(0, 0).UTC(): 1, netip.MustParseAddr("1.2.3.4"): 2, r2.VKS{A: 1}: 3}}`, `ENC`, []int{0}, false},
	{"time.Time keys", "r2", `&r2.Keys2{TT: map[time.Time]int{time.Unix(0, 0).UTC(): 1, time.Unix(0, 0).In(time.FixedZone("", 3600)): 2, time.Date(2024, 1, 2, 3, 4, 5, 6, time.UTC): 3}}`, `ENC`, []int{0, 1, 2}, false},
	{"netip.Addr keys", "r2", `&r2.Keys2{AK: map[netip.Addr]string{netip.MustParseAddr("::1"): "a", netip.MustParseAddr("10.0.0.1"): "b", netip.MustParseAddr("9.0.0.1"): "c", {}: "z"}}`, k2 + `AK={"": "z", "10.0.0.1": "b", "9.0.0.1": "c", "::1": "a"})`, nil, false},

	// ---- map[any] with mixed kinds
	{"map[any] int and string", "r2", `&r2.AnyMap{M: map[any]int{1: 1, "a": 2}}`, `{"M": {1: 1, "a": 2}}`, []int{0, 2, 4}, false},
	{"map[any] nil and false", "r2", `&r2.AnyMap{M: map[any]int{nil: 1, false: 2}}`, `{"M": {None: 1, False: 2}}`, []int{0, 2, 4}, false},
	{"map[any] only nil sorts", "r2", `&r2.AnyMap{M: map[any]int{nil: 1}}`, `{"M": {None: 1}}`, []int{0, 2}, false},
	{"map[any] unsupported key beside a string under skipkeys and sort_keys", "r2", `&r2.AnyMap{M: map[any]int{r2.PKS{A: 1}: 1, "a": 2}}`, `{"M": {"a": 2, U("r2.PKS"): 1}}`, []int{0, 4, 9}, false},
	{"map[any] two unsupported keys", "r2", `&r2.AnyMap{M: map[any]int{r2.PKS{A: 1}: 1, r2.VKS{A: 1}: 2}}`, `{"M": {U("r2.PKS"): 1, U("r2.VKS"): 2}}`, []int{0, 9}, false},
	{"map[any] mixed numbers", "r2", `&r2.AnyMap{M: map[any]int{int8(-1): 1, uint64(math.MaxUint64): 2, 1.5: 3, float32(0.1): 4, true: 5, 2: 6, int64(math.MinInt64): 7, -1e300: 8, uint16(7): 9}}`,
		`{"M": {True: 5, -1e300: 8, -9223372036854775808: 7, -1: 1, f32(0.1): 4, 1.5: 3, 2: 6, 7: 9, 18446744073709551615: 2}}`, []int{0, 2, 4}, false},
	{"map[any] 100 numeric keys sorted", "r2", `&r2.AnyMap{M: func() map[any]int { m := map[any]int{}; for i := 0; i < 100; i++ { switch i % 3 { case 0: m[i*7%101] = i; case 1: m[float64(i)+0.5] = i; default: m[uint8(200+i%50)] = i } }; return m }()}`,
		`{"M": dict(sorted({(i*7%101 if i%3 == 0 else (i+0.5 if i%3 == 1 else 200+i%50)): i for i in range(100)}.items()))}`, []int{0, 2}, false},
	{"map[any] 70 keys with one string sorted", "r2", `&r2.AnyMap{M: func() map[any]int { m := map[any]int{"s": -1}; for i := 0; i < 70; i++ { m[i] = i }; return m }()}`,
		`{"M": dict([(i, i) for i in range(70)] + [("s", -1)])}`, []int{0, 2}, true},
	{"root map[any]any", "r2", `&r2.AnyAny{"x": []any{1}, 2: map[string]any{"b": nil}, nil: r2.NStr("s"), false: r2.NF32(0.1), 2.5: &r2.Tree{Name: "t"}}`,
		`{None: "s", False: f32(0.1), 2: {"b": None}, 2.5: {"name": "t"}, "x": [1]}`, []int{0, 1, 3, 9}, false},
	{"map[any] key of a generated named int", "r2", `&r2.AnyMap{M: map[any]int{r2.NInt(5): 1}}`, `{"M": {5: 1}}`, []int{0}, true},
	{"map[any] key that is a TextMarshaler", "r2", `&r2.AnyMap{M: map[any]int{netip.MustParseAddr("1.2.3.4"): 1}}`, `{"M": {"1.2.3.4": 1}}`, []int{0}, true},

	// ---- map values holding generated types and marshalers (encoding/json decides addressability)
	{"map[string]any holding generated structs", "r2", `&r2.MapVals{Any: map[string]any{"v": r2.HP{P: r2.PR{N: 1}, V: r2.VR{N: 2}}, "p": &r2.HP{P: r2.PR{N: 3}, V: r2.VR{N: 4}}}}`, `ENC`, []int{0, 1, 2}, false},
	{"map values: arrays, anonymous structs, nested maps of marshalers", "r2", `&r2.MapVals{
		Arr: map[string][2]r2.PR{"a": {{N: 1}, {N: 2}}}, ArrV: map[string][2]r2.VR{"a": {{N: 3}, {N: 4}}},
		ArrH: map[string][1]r2.HP{"h": {{P: r2.PR{N: 5}, V: r2.VR{N: 6}}}}, Anon: map[string]struct{ P r2.PR }{"x": {P: r2.PR{N: 7}}},
		PArr: map[string]*[1]r2.PR{"p": {{N: 8}}, "n": nil}, Slice: map[string][]r2.HP{"s": {{P: r2.PR{N: 9}}}},
		Nest: map[string]map[string]r2.HP{"o": {"i": {P: r2.PR{N: 10}}}},
		IfMJ: map[string]json.Marshaler{"a": &r2.PR{N: 11}, "b": r2.VR{N: 12}}}`, `ENC`, []int{0, 1, 2}, false},
	// encoding/json calls a pointer-receiver method for a nil pointer held
	// in an interface type that has the method (it panics for PR, whose
	// method reads the pointer; the root package's tests check that too).
	{"map[string]json.Marshaler holding a nil pointer with a pointer-receiver MarshalJSON", "r2", `&r2.MapVals{IfMJ: map[string]json.Marshaler{"tn": (*r2.NilMJ)(nil)}}`, mv + `IfMJ={"tn": "nil-mj"})`, []int{0}, false},
	{"map[string]json.Marshaler holding nil", "r2", `&r2.MapVals{IfMJ: map[string]json.Marshaler{"n": nil}}`, mv + `IfMJ={"n": None})`, []int{0}, false},
	{"map[string]error", "r2", `&r2.MapVals{Err: map[string]error{"e": errors.New("x"), "n": nil}}`, mv + `Err={"e": {}, "n": None})`, []int{0, 7}, false},
	{"map[string]fmt.Stringer holding a time.Duration", "r2", `&r2.MapVals{Str: map[string]fmt.Stringer{"d": time.Duration(5), "m": time.March}}`, mv + `Str={"d": 5, "m": 3})`, []int{0, 7}, false},

	// ---- recursion, cycles, shared pointers
	{"shared pointers are not a cycle", "r2", tree + `a := &r2.Tree{Name: "a"}; return &r2.Tree{Name: "r", Kids: []*r2.Tree{a, a, {Name: "b", Kids: []*r2.Tree{a}}}, Any: []any{a, a}} }()`,
		`{"name": "r", "kids": [{"name": "a"}, {"name": "a"}, {"name": "b", "kids": [{"name": "a"}]}], "any": [{"name": "a"}, {"name": "a"}]}`, []int{0, 1, 6}, false},
	{"cycle through up", "r2", tree + `r := &r2.Tree{Name: "r", Kids: []*r2.Tree{{Name: "a"}}}; r.Kids[0].Up = r; return r }()`,
		`cycup()`, []int{0, 1, 6}, false},
	{"cycle through kids", "r2", tree + `r := &r2.Tree{Name: "r"}; r.Kids = []*r2.Tree{r}; return r }()`, `cyc({"name": "r"}, "kids", True)`, []int{0, 6}, false},
	{"cycle through any", "r2", tree + `r := &r2.Tree{Name: "r"}; r.Any = r; return r }()`, `cyc({"name": "r"}, "any", False)`, []int{0, 6}, false},
	{"cycle through any holding a Tree value", "r2", tree + `r := &r2.Tree{Name: "r"}; r.Kids = []*r2.Tree{{Name: "k"}}; r.Kids[0].Any = *r; return r }()`,
		`cycval()`, []int{0}, false},
	{"ring back to the root", "r2", `func() *r2.Ring { r := &r2.Ring{}; r.In.Back = r; return r }()`, `cyc2()`, []int{0, 6}, false},
	{"ring inner self", "r2", `func() *r2.Ring { r := &r2.Ring{}; r.In.Self = &r.In; return r }()`, `cyc3()`, []int{0, 6}, false},
	{"ring no cycle", "r2", `&r2.Ring{In: r2.RingIn{Self: &r2.RingIn{}, Back: &r2.Ring{}}}`, `{"In": {"Back": {"In": {"Back": None, "Self": None}}, "Self": {"Back": None, "Self": None}}}`, []int{0, 6}, false},
	{"root any slice holding itself", "r2", `func() *r2.AnySlice { s := r2.AnySlice{1, nil}; s[1] = s; return &s }()`, `cyc([1], 1, False)`, []int{0, 6}, false},
	{"root any slice holding itself as []any", "r2", `func() *r2.AnySlice { s := r2.AnySlice{1, nil}; s[1] = []any(s); return &s }()`, `cyc([1], 1, False)`, []int{0, 6}, false},

	// ---- floats
	{"non-finite floats everywhere", "r2", `&r2.Floats{F64: math.Inf(1), F32: float32(math.Inf(-1)), Arr: [2]float64{math.NaN(), 1}, M: map[string]float32{"n": float32(math.NaN())}, MK: map[float64]int{math.Inf(-1): 1}, P: func() *float64 { f := math.NaN(); return &f }()}`,
		fl + `F64=inf, F32=-inf, Arr=[nan, 1.0], M={"n": nan}, MK={-inf: 1}, P=nan)`, []int{0, 1, 5, 12}, false},
	{"NaN in a map value only", "r2", `&r2.Floats{M: map[string]float32{"a": 1, "n": float32(math.NaN())}, Arr: [2]float64{1, 2}}`, fl + `F64=0.0, F32=0.0, Arr=[1.0, 2.0], M={"a": 1.0, "n": nan})`, []int{5, 12}, false},
	{"-inf key only", "r2", `&r2.Floats{MK: map[float64]int{math.Inf(-1): 1, 2: 2}}`, fl + `F64=0.0, F32=0.0, Arr=[0.0, 0.0], MK={-inf: 1, 2.0: 2})`, []int{0, 5, 12}, false},
	{"extreme finite floats", "r2", `&r2.Floats{F64: -math.MaxFloat64, F32: math.SmallestNonzeroFloat32, Arr: [2]float64{math.SmallestNonzeroFloat64, -0.0 * -1}, M: map[string]float32{"max": math.MaxFloat32, "neg0": float32(math.Copysign(0, -1)), "p": 16777216, "q": 1e-7, "r": 123456792}, MK: map[float64]int{math.Copysign(0, -1): 1, 1e-5: 2, 1e16: 3}, P: new(float64)}`,
		fl + `F64=-1.7976931348623157e308, F32=f32(1e-45), Arr=[5e-324, 0.0], M={"max": 3.4028235e38, "neg0": -0.0, "p": 16777216.0, "q": f32(1e-7), "r": 123456790.0}, MK={-0.0: 1, 1e-5: 2, 1e16: 3}, P=0.0)`, []int{0, 2, 5}, false},

	// ---- big numbers
	{"big.Int nil, zero, slices and maps", "r2", `&r2.Bigs{BS: []*big.Int{nil, new(big.Int).Lsh(big.NewInt(1), 100), big.NewInt(-1)}, BM: map[string]*big.Int{"a": nil, "b": new(big.Int).Sub(new(big.Int).Exp(big.NewInt(10), big.NewInt(4300), nil), big.NewInt(1)), "c": new(big.Int).Neg(new(big.Int).Sub(new(big.Int).Exp(big.NewInt(10), big.NewInt(4300), nil), big.NewInt(1)))}}`,
		bg + `BV=0, BS=[None, 2**100, -1], BM={"a": None, "b": 10**4300-1, "c": -(10**4300-1)}, BF="0", BR="0")`, []int{0, 1}, false},
	{"big.Int beyond 4300 digits", "r2", `&r2.Bigs{B: new(big.Int).Exp(big.NewInt(10), big.NewInt(4300), nil)}`, bg + `B=10**4300, BV=0, BF="0", BR="0")`, []int{0, 1}, false},
	{"big.Int beyond 4300 digits, negative, in a map", "r2", `&r2.Bigs{BM: map[string]*big.Int{"x": new(big.Int).Neg(new(big.Int).Exp(big.NewInt(10), big.NewInt(5000), nil))}}`, bg + `BV=0, BM={"x": -10**5000}, BF="0", BR="0")`, []int{0}, false},
	{"big.Float and big.Rat", "r2", `func() *r2.Bigs { v := &r2.Bigs{BFP: big.NewFloat(1.5), BRP: big.NewRat(1, 3)}; v.BF.SetFloat64(-2.25); v.BR.SetFrac64(-4, 6); return v }()`, `ENC`, []int{0, 1}, false},

	// ---- standard-library types
	{"standard library fields", "r2", `func() *r2.Std {
		tm := time.Date(2024, 2, 29, 13, 4, 5, 120000000, time.FixedZone("", -3600))
		d := time.Duration(-5)
		u, _ := url.Parse("https://user:pw@example.com:8080/p%20q?x=1&y=%C3%A9#frag")
		return &r2.Std{Dur: 1500 * time.Millisecond, DurP: &d, T: tm, TP: &tm, IP: net.ParseIP("10.1.2.3"), IPNet: net.IPNet{IP: net.IPv4(1, 2, 3, 0), Mask: net.CIDRMask(24, 32)},
			HW: net.HardwareAddr{0, 1, 2, 3, 4, 5}, Addr: netip.MustParseAddr("fe80::1%eth0"), Pfx: netip.MustParsePrefix("10.0.0.0/8"), AP: netip.MustParseAddrPort("[::1]:80"),
			URL: *u, URLP: u, NS: sql.NullString{String: "s", Valid: true}, NI: sql.NullInt64{Int64: 7}, NT: sql.Null[int]{V: 3, Valid: true},
			Re: *regexp.MustCompile("a+b"), ReP: regexp.MustCompile("[x]"), Num: "12", Month: time.March, Wd: time.Sunday, Loc: time.UTC}
	}()`, `ENC`, []int{0, 1, 2, 3}, false},
	{"zero standard library fields", "r2", `&r2.Std{}`, `ENC`, []int{0, 2}, false},
	{"error field holding a value", "r2", `&r2.Std{Err: errors.New("boom")}`, `ENCKEYS(Err={})`, []int{0, 7}, false},
	{"standard library types as map values", "r2", `&r2.StdMaps{Re: map[string]regexp.Regexp{"a": *regexp.MustCompile("a+")}, BF: map[string]big.Float{"f": *big.NewFloat(2.5)},
		T: map[string]time.Time{"t": time.Unix(1, 0).UTC()}, U: map[string]url.URL{"u": {Scheme: "http", Host: "h"}}, Num: map[string]json.Number{"n": "7"}}`, `ENC`, []int{0, 2}, false},
	{"time.Time beyond year 9999", "r2", `&r2.Std{T: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)}`, `ERR`, []int{0}, false},
	{"json.Number odd texts", "r2", `&r2.MapVals{Any: map[string]any{"a": json.Number("1.0e+2"), "b": json.Number("-0.0"), "c": json.Number("0e0"), "d": json.Number("1e-400"), "e": json.Number("-1e-400"),
		"f": json.Number("123456789012345678901234567890"), "g": json.Number("4.9e-324"), "h": json.Number("100000000000000000000000.0"), "i": json.Number("-0"), "j": json.Number("1E+16"), "k": json.Number("0.000012300")}}`,
		mv + `Any={"a": 100.0, "b": -0.0, "c": 0.0, "d": 0.0, "e": -0.0, "f": 123456789012345678901234567890, "g": 5e-324, "h": 1e23, "i": 0, "j": 1e16, "k": 1.23e-05})`, []int{0, 5}, false},
	{"json.Number 1E400 under allow_nan=False", "r2", `&r2.NumOnly{N: "-1E400"}`, `{"N": -inf}`, []int{0, 5, 12}, false},
	{"json.Number with leading space", "r2", `&r2.NumOnly{N: " 1"}`, `ERR`, []int{0}, true},
	{"json.Number leading zero", "r2", `&r2.NumOnly{N: "01"}`, `ERR`, []int{0}, false},
	{"json.Number NaN", "r2", `&r2.NumOnly{N: "NaN"}`, `ERR`, []int{0}, true},
	{"json.Number beyond 4300 digits", "r2", `&r2.NumOnly{N: json.Number("1" + strings.Repeat("0", 4300))}`, `json.loads('{"N": 1' + '0' * 4300 + '}')`, []int{0}, false},

	// ---- named basic kinds as roots
	{"root bool", "r2", `func() *r2.NBool { x := r2.NBool(true); return &x }()`, `True`, []int{0}, false},
	{"root int8", "r2", `func() *r2.NInt8 { x := r2.NInt8(-128); return &x }()`, `-128`, []int{0}, false},
	{"root int16", "r2", `func() *r2.NInt16 { x := r2.NInt16(-32768); return &x }()`, `-32768`, []int{0}, false},
	{"root int32", "r2", `func() *r2.NInt32 { x := r2.NInt32(math.MinInt32); return &x }()`, `-2147483648`, []int{0}, false},
	{"root int64", "r2", `func() *r2.NInt64 { x := r2.NInt64(math.MinInt64); return &x }()`, `-9223372036854775808`, []int{0}, false},
	{"root int", "r2", `func() *r2.NInt { x := r2.NInt(42); return &x }()`, `42`, []int{0}, false},
	{"root uint", "r2", `func() *r2.NUint { x := r2.NUint(math.MaxUint); return &x }()`, `18446744073709551615`, []int{0}, false},
	{"root uint8", "r2", `func() *r2.NUint8 { x := r2.NUint8(255); return &x }()`, `255`, []int{0}, false},
	{"root uint16", "r2", `func() *r2.NUint16 { x := r2.NUint16(65535); return &x }()`, `65535`, []int{0}, false},
	{"root uint32", "r2", `func() *r2.NUint32 { x := r2.NUint32(math.MaxUint32); return &x }()`, `4294967295`, []int{0}, false},
	{"root uint64", "r2", `func() *r2.NUint64 { x := r2.NUint64(math.MaxUint64); return &x }()`, `18446744073709551615`, []int{0}, false},
	{"root uintptr", "r2", `func() *r2.NUintptr { x := r2.NUintptr(^uintptr(0)); return &x }()`, `18446744073709551615`, []int{0}, false},
	{"root float32", "r2", `func() *r2.NF32 { x := r2.NF32(3.4e38); return &x }()`, `f32(3.4e38)`, []int{0}, false},
	{"root float32 NaN", "r2", `func() *r2.NF32 { x := r2.NF32(math.NaN()); return &x }()`, `nan`, []int{0, 5}, false},
	{"root float64", "r2", `func() *r2.NF64 { x := r2.NF64(1e16); return &x }()`, `1e16`, []int{0}, false},
	{"root float64 -inf", "r2", `func() *r2.NF64 { x := r2.NF64(math.Inf(-1)); return &x }()`, `-inf`, []int{0, 5, 12}, false},
	{"root string", "r2", `func() *r2.NStr { x := r2.NStr("a\xffé\U0001F600"); return &x }()`, `"a\ufffdé\U0001F600"`, []int{0, 3}, false},
	{"root []byte", "r2", `&r2.NBytes{0xfb, 0xff, 0}`, `"+/8A"`, []int{0}, false},
	{"root empty []byte", "r2", `&r2.NBytes{}`, `""`, []int{0}, false},
	{"root rune", "r2", `func() *r2.NRune { x := r2.NRune('é'); return &x }()`, `233`, []int{0}, false},
	{"root nil pointer to a named int", "r2", `(*r2.NInt)(nil)`, `None`, []int{0}, false},
	{"root named kinds inside any", "r2", `&r2.AnySlice{r2.NBool(false), r2.NInt8(-1), r2.NUintptr(3), r2.NF32(0.1), r2.NF64(2), r2.NStr("s"), r2.NBytes("hi"), r2.NRune(65), (*r2.NF64)(nil), func() *r2.NF32 { x := r2.NF32(0.5); return &x }()}`,
		`[False, -1, 3, f32(0.1), 2.0, "s", "aGk=", 65, None, 0.5]`, []int{0, 1}, false},

	// ---- roots that are maps, slices, arrays
	{"root map[int]string", "r2", `&r2.IntMap{3: "c", -1: "a", 0: "z"}`, `{-1: "a", 0: "z", 3: "c"}`, []int{0, 1, 2}, false},
	{"root map[float32]NStr", "r2", `&r2.FloatMap{0.1: "x", float32(math.Copysign(0, -1)): "n", float32(math.Inf(1)): "i"}`, `{-0.0: "n", f32(0.1): "x", inf: "i"}`, []int{0, 2, 5}, false},
	{"root [3]*Tree", "r2", `&r2.PtrArr{nil, {Name: "t"}, nil}`, `[None, {"name": "t"}, None]`, []int{0, 1}, false},
	{"root []any", "r2", `&r2.AnySlice{1, "x", nil, r2.NStr("y"), &r2.Tree{}, []any{}, map[string]any{}}`, `[1, "x", None, "y", {"name": ""}, [], {}]`, []int{0, 1}, false},
	{"root nil []any", "r2", `new(r2.AnySlice)`, `None`, []int{0}, false},
	{"root [0]int", "r2", `&r2.Empty0{}`, `[]`, []int{0, 1}, false},
	{"root map[bool]*NF32", "r2", `func() *r2.BoolMap { f := r2.NF32(1); return &r2.BoolMap{true: &f, false: nil} }()`, `{False: None, True: 1.0}`, []int{0, 2}, false},
	{"root map[VKS]any (text keys)", "r2", `&r2.TextMap{{A: 1, B: 2}: []any{}, {A: 0, B: 9}: nil}`, `{"0/9": None, "1/2": []}`, []int{0, 1}, false},
	{"root empty map with indent", "r2", `&r2.IntMap{}`, `{}`, []int{0, 1}, false},

	// ---- interface fields holding typed nil pointers
	{"interfaces holding typed nil pointers", "r2", `&r2.Ifaces{A: (*r2.Tree)(nil), S: (*r2.Tree)(nil), M: (*r2.NilMJ)(nil), T: (*r2.NilTM)(nil), AS: []any{(*r2.Tree)(nil), (*r2.VR)(nil), (*r2.NStr)(nil), (*r2.NilMJ)(nil)}, AM: map[string]any{"x": (*r2.HP)(nil), "y": (*r2.AnySlice)(nil), "z": (*r2.NilTM)(nil)}}`,
		ifc + `M="nil-mj", T="nil-tm", AS=[None, None, None, None], AM={"x": None, "y": None, "z": None})`, []int{0, 1}, false},
	{"nil json.Marshaler and encoding.TextMarshaler fields", "r2", `&r2.Ifaces{}`, `ENC`, []int{0, 1}, false},
	{"nil encoding.TextMarshaler field", "r2", `&r2.Ifaces{M: r2.VR{}}`, ifc + `M={"vr": 0})`, []int{0, 2}, false},
	{"nil json.Marshaler field", "r2", `&r2.Ifaces{T: netip.Addr{}}`, ifc + `T="")`, []int{0, 2}, false},
	{"error interface holding a typed nil pointer", "r2", `&r2.Ifaces{E: (*url.Error)(nil), M: r2.VR{}, T: netip.Addr{}}`, ifc + `E=None, M={"vr": 0}, T="")`, []int{0, 7}, false},
	{"interfaces holding values", "r2", `&r2.Ifaces{A: r2.NInt(1), S: &r2.Tree{Name: "s"}, M: r2.VR{N: 3}, T: netip.MustParseAddr("::2"), AS: []any{r2.IntMap{1: "a"}}, AM: map[string]any{"p": &r2.PR{N: 4}}}`,
		ifc + `A=1, S={"name": "s"}, M={"vr": 3}, T="::2", AS=[{1: "a"}], AM={"p": "pr4"})`, []int{0, 2}, false},

	// ---- unsupported values and the Default hook
	{"unsupported values and hooks", "r2", `&r2.Unsup2{C: 1 + 2i, C64: 1.5 + 0.5i, Ch: make(chan int, 3), CS: []complex128{-1i}, CM: map[string]complex64{"a": 2}, A: complex(3, 4), Up: func() *complex128 { c := complex(0.25, 0); return &c }()}`,
		unsRec + `C=C128(1.0, 2.0), C64=C64(1.5, 0.5), Ch=Ch(3), CS=[C128(0.0, -1.0)], CM={"a": C64(2.0, 0.0)}, A=C128(3.0, 4.0), Up=C128(0.25, 0.0))`, []int{0, 7, 8, 10, 11}, false},
	{"hook returning its argument", "r2", `&r2.Unsup2{Fn: func() {}, Ch: make(chan int)}`, unsRec + `Ch=Ch(0), Fn=Fn())`, []int{7, 11}, false},
	{"hook returning its argument without CheckCircular", "r2", `&r2.Unsup2{Fn: func() {}, Ch: make(chan int)}`, unsRec + `Ch=Ch(0), Fn=Fn())`, []int{10}, false},
	{"hook returning an error", "r2", `&r2.Unsup2{A: make(chan string), Ch: make(chan int)}`, unsRec + `Ch=Ch(0), A=U("chan string"))`, []int{0, 11}, false},
	{"hook returning generated values", "r2", `&r2.Unsup2{A: func(int) {}, Ch: make(chan int, 1)}`, unsRec + `Ch=Ch(1), A=U("func(int)"))`, []int{11, 8}, false},
	{"nil chan", "r2", `&r2.Unsup2{}`, unsRec + `Ch=U("chan int"))`, []int{0, 7}, true},

	// ---- identifiers, tags, big structs, deep anonymous nesting
	{"unicode identifiers and keyword tags", "r2", `&r2.Ünï{Ñame: "n", Δ: 1, Func: 2, Type: 3, Range: 4, Map: 5, Go: 6, Nil: 7, True_: 8, Null: 9, Dash: 10, Empty: 11, Q: 12, Back: 13}`, `ENC`, []int{0, 2, 3, 4}, false},
	{"deep anonymous nesting", "r2", `func() *r2.Deep {
		v := &r2.Deep{}
		type G = struct {
			H any ` + "`json:\"h,omitempty\"`" + `
			I int ` + "`json:\"i,string\"`" + `
		}
		type F = struct{ G [2]G }
		type E = struct{ F *F }
		v.A.B.C.D = []struct{ E map[string]E }{{E: map[string]E{"k": {F: &F{G: [2]G{{H: "x", I: 1}, {I: 2}}}}, "n": {}}}, {}}
		return v
	}()`, `ENC`, []int{0, 1, 2}, false},
}

// rt2Python evaluates each case's expected value under each of its option
// sets: one JSON list of lists of "OK:<hex>" or "ERR:<class>:<message>".
const rt2Python = `
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
    o = _classes[name]()
    o.goname = name
    return o

class _C:
    def __init__(self, re, im): self.re, self.im = re, im
C128 = type("complex128", (_C,), {})
C64 = type("complex64", (_C,), {})
class _Ch:
    def __init__(self, cap): self.cap = cap
Ch = type("chan int", (_Ch,), {})
Fn = type("func()", (), {})
class HookError(Exception):
    pass

def hook2(o):
    if isinstance(o, C128): return [o.re, o.im]
    if isinstance(o, C64): return C128(o.re, o.im)
    if isinstance(o, Ch): return {"chan": o.cap}
    if isinstance(o, Fn): return o
    if getattr(o, 'goname', None) == 'func(int)': return {"c": C64(1.0, 0.0), "f": f32(0.1), "t": {"name": "h"}}
    raise HookError("no " + getattr(o, 'goname', type(o).__name__))

def rec(names, **kw):
    return {n: kw.get(n) for n in names.split()}

def cyc(d, k, inlist):
    if isinstance(d, list):
        d.append(d)
        return d
    d[k] = [d] if inlist else d
    return d

def uns(**kw):
    d = {"C": C128(0.0, 0.0), "C64": C64(0.0, 0.0), "Ch": None}
    if "Fn" in kw: d["Fn"] = kw["Fn"]
    d.update({"CS": None, "CM": None, "A": None, "Up": None})
    for k, v in kw.items():
        if k != "Fn": d[k] = v
    return d

def cycval():
    l = []
    l.append({"name": "k", "any": {"name": "r", "kids": l}})
    return {"name": "r", "kids": l}

def cycup():
    r = {"name": "r", "kids": [{"name": "a"}]}
    r["kids"][0]["up"] = r
    return r

def cyc2():
    r = {"In": {"Back": None, "Self": None}}
    r["In"]["Back"] = r
    return r

def cyc3():
    i = {"Back": None, "Self": None}
    i["Self"] = i
    return {"In": i}

nan, inf = float('nan'), float('inf')
doc = json.load(sys.stdin)
res = []
for c in doc['cases']:
    row = []
    for kw in c['opts']:
        kw = dict(kw)
        d = kw.pop('default', None)
        if d == 'D':
            kw['default'] = lambda o: 'D'
        elif d == 'hook2':
            kw['default'] = hook2
        if 'separators' in kw:
            kw['separators'] = tuple(kw['separators'])
        def ENCKEYS(**over):
            full = json.loads(c['enc'])
            full.update(over)
            return full
        env = dict(f32=f32, U=U, C128=C128, C64=C64, Ch=Ch, Fn=Fn, rec=rec, uns=uns, cycval=cycval, json=json, cyc=cyc, cycup=cycup, cyc2=cyc2, cyc3=cyc3, nan=nan, inf=inf, ENCKEYS=ENCKEYS)
        try:
            if c['py'] == 'ERR':
                row.append('ERR:*:*')
                continue
            if c['py'] == 'ENC':
                if c['enc'] is None:
                    row.append('ERR:EncodingJSONFailed:' + str(c.get('encerr')))
                    continue
                v = json.loads(c['enc'])
            else:
                v = eval(c['py'], env)
            s = json.dumps(v, **kw)
            row.append('OK:' + s.encode('utf-8', 'surrogatepass').hex())
        except RecursionError as e:
            row.append('ERR:RecursionError:')
        except Exception as e:
            row.append('ERR:%s:%s' % (type(e).__name__, e))
    res.append(row)
json.dump(res, sys.stdout)
`

// rt2Packages are the generator runs, in order. Several runs may share a
// directory (two go:generate lines).
var rt2Packages = []struct {
	dir    string
	types  []string // nil: every exported type of the directory but the interfaces
	output string   // -output, relative to the directory
	tags   []string
}{
	{dir: "r2"},
	{dir: "multi", types: []string{"A"}, output: "a_gen.go"},
	{dir: "multi", types: []string{"B", "C"}, output: "bc_gen.go"},
	{dir: "tagged", types: []string{"Special", "Always"}, output: "zz_custom_name.go", tags: []string{"special"}},
}

var rt2Extra = []rt2Case{
	{"two generate runs: A", "multi", `func() *multi.A { c := &multi.C{X: 2}; return &multi.A{C: multi.C{X: 1, M: map[string]*multi.C{"b": c, "a": nil}}, PC: c, Any: multi.B{}} }()`,
		`{"c": {"x": 1, "m": {"a": None, "b": {"x": 2}}}, "pc": {"x": 2}, "any": {"a": {"c": {"x": 0}, "pc": None}, "cs": None}}`, []int{0, 1, 2}, false},
	{"two generate runs: B", "multi", `&multi.B{A: multi.A{Any: &multi.C{X: 3}}, Cs: []multi.C{{X: 4}}}`,
		`{"a": {"c": {"x": 0}, "pc": None, "any": {"x": 3}}, "cs": [{"x": 4}]}`, []int{0, 2}, false},
	{"two generate runs: cycle across files", "multi", `func() *multi.C { c := &multi.C{X: 1}; c.M = map[string]*multi.C{"self": c}; return c }()`,
		`(lambda d: (d["m"].__setitem__("self", d), d)[1])({"x": 1, "m": {}})`, []int{0}, false},
	{"-tags and -output", "tagged", `&tagged.Special{A: tagged.Always{N: 1}, S: "s"}`, `{"a": {"N": 1}, "s": "s"}`, []int{0, 1}, false},
}

func TestKeysCyclesStdlib(t *testing.T) {
	goTool := goTestEnv(t)

	src := testdataDir(t, "keys_cycles_stdlib_types")
	work := t.TempDir()
	testmod.Write(t, work, "rtmod2")
	for _, d := range []string{"r2", "multi", "tagged", "intest"} {
		copyGoFiles(t, filepath.Join(src, d), filepath.Join(work, d))
	}

	ok := map[string]bool{"r2": true, "multi": true, "tagged": true}
	typeDecl := regexp.MustCompile(`(?m)^type (\p{Lu}[\p{L}\p{N}_]*)`)
	for _, p := range rt2Packages {
		dir := filepath.Join(work, p.dir)
		types := p.types
		if types == nil {
			files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
			sort.Strings(files)
			for _, f := range files {
				data, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				for _, m := range typeDecl.FindAllStringSubmatch(string(data), -1) {
					if m[1] != "Sayer" {
						types = append(types, m[1])
					}
				}
			}
		}
		cfg := Config{Dir: dir, Types: types, Tags: p.tags}
		if p.output != "" {
			cfg.Output = filepath.Join(dir, p.output)
		}
		res, err := generateNoPanic(cfg)
		if err != nil {
			t.Errorf("package %s: Generate(-type=%s) failed:\n%s", p.dir, strings.Join(types, ","), clipText(err.Error(), 3000))
			ok[p.dir] = false
			continue
		}
		for _, f := range res.Files {
			if p.output != "" && f.Path != cfg.Output {
				t.Errorf("package %s: -output %s wrote %s", p.dir, cfg.Output, f.Path)
			}
			if err := os.WriteFile(f.Path, f.Content, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	if !ok["r2"] {
		t.Fatal("the main package did not generate")
	}

	// A type of a _test.go file: the output is a _test.go file, used by the
	// package's tests.
	rt2InTest(t, goTool, filepath.Join(work, "intest"))

	var cases []rt2Case
	for _, c := range append(append([]rt2Case{}, rt2Cases...), rt2Extra...) {
		if ok[c.pkg] {
			cases = append(cases, c)
		}
	}
	cases = append(cases, rt2BigCase(t, filepath.Join(src, "r2", "big.go")))

	if err := os.MkdirAll(filepath.Join(work, "driver"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(work, "driver", "main.go"), []byte(rt2Driver(cases, ok)), 0o644); err != nil {
		t.Fatal(err)
	}
	var got []struct {
		Enc    *string
		EncErr string
		Out    []string
		Dyn    []string
		Strm   []string
	}
	diffs := runDriverTwoPaths(t, goTool, work, &got, "-tags", "special")
	reportPaths(t, diffs, func(d pathDiff) string { return fmt.Sprintf("case %q", cases[d.index].name) })
	if len(got) != len(cases) {
		t.Fatalf("driver printed %d cases, want %d", len(got), len(cases))
	}

	type pyCase struct {
		Py     string            `json:"py"`
		Enc    *string           `json:"enc"`
		EncErr string            `json:"encerr"`
		Opts   []json.RawMessage `json:"opts"`
	}
	var doc struct {
		Cases []pyCase `json:"cases"`
	}
	for i, c := range cases {
		pc := pyCase{Py: c.py, Enc: got[i].Enc, EncErr: got[i].EncErr}
		for _, o := range rt2Opts(c) {
			pc.Opts = append(pc.Opts, json.RawMessage(rt2Options[o].py))
		}
		doc.Cases = append(doc.Cases, pc)
	}
	in, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	var want [][]string
	if err := json.Unmarshal(pyoracle.Run(t, rt2Python, in), &want); err != nil {
		t.Fatalf("python3 output: %v", err)
	}

	var infos []string
	compared := 0
	for i, c := range cases {
		g := got[i]
		var bad []string
		for j, o := range rt2Opts(c) {
			compared++
			w, o1, d, s := want[i][j], g.Out[j], g.Dyn[j], g.Strm[j]
			if d != o1 && !(strings.HasPrefix(d, "ERR:") && strings.HasPrefix(o1, "ERR:")) {
				bad = append(bad, fmt.Sprintf("  options {%s}: v.Dumps and jsondump.Dumps(v) differ:\n    v.Dumps:           %s\n    jsondump.Dumps(v): %s", rt2Options[o].goSrc, readableRT(o1), readableRT(d)))
			}
			if s != o1 && !strings.HasPrefix(o1, "ERR:") {
				bad = append(bad, fmt.Sprintf("  options {%s}: v.Dumps and v.Dump differ:\n    v.Dumps: %s\n    v.Dump:  %s", rt2Options[o].goSrc, readableRT(o1), readableRT(s)))
			}
			if rt2Match(o1, w) {
				continue
			}
			bad = append(bad, fmt.Sprintf("  options {%s} (python: %s):\n    jsondump: %s\n    python3:  %s", rt2Options[o].goSrc, rt2Options[o].py, readableRT(o1), readableRT(w)))
		}
		if len(bad) == 0 {
			continue
		}
		enc := "encoding/json: error " + g.EncErr
		if g.Enc != nil {
			enc = "encoding/json: " + *g.Enc
		}
		msg := fmt.Sprintf("case %q (%d problems)\n  value: %s\n  python: %s\n  %s\n%s",
			c.name, len(bad), clipText(c.goV, 600), clipText(c.py, 600), clipText(enc, 600), strings.Join(bad[:min(len(bad), 4)], "\n"))
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
	t.Logf("%d cases, %d comparisons with python3", len(cases), compared)
}

func rt2Opts(c rt2Case) []int {
	if c.opts == nil {
		return rt2Std
	}
	return c.opts
}

// rt2Match compares a jsondump result with python3's: equal bytes, or the
// same error (class and message; CPython 3.11's message may be a prefix of
// the 3.12 wording; a RecursionError's message varies; a hook's own error
// is returned unchanged, whatever its Go type).
func rt2Match(got, want string) bool {
	if outputsMatch(got, want) {
		return true
	}
	if !strings.HasPrefix(want, "ERR:") || !strings.HasPrefix(got, "ERR:") {
		return false
	}
	wcls, wmsg, _ := strings.Cut(strings.TrimPrefix(want, "ERR:"), ":")
	gcls, gmsg, _ := strings.Cut(strings.TrimPrefix(got, "ERR:"), ":")
	switch wcls {
	case "RecursionError":
		return gcls == "RecursionError"
	case "HookError":
		return strings.Contains(gcls, "hookError") && gmsg == wmsg
	}
	return false
}

// rt2BigCase builds a case for the 200-field struct of big.go: every field
// set, floats to non-integral values so that encoding/json's output is the
// Python value.
func rt2BigCase(t *testing.T, path string) rt2Case {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	field := regexp.MustCompile(`(?m)^\t(F\d+) (\S+)`)
	var b strings.Builder
	b.WriteString("func() *r2.Big { n := 5; return &r2.Big{")
	for i, m := range field.FindAllStringSubmatch(string(data), -1) {
		var v string
		switch m[2] {
		case "int":
			v = fmt.Sprint(i - 100)
		case "string":
			v = fmt.Sprintf("%q", fmt.Sprintf("s%d\u00e9", i))
		case "float64":
			v = fmt.Sprintf("%d.5", i)
		case "bool":
			v = fmt.Sprint(i%3 == 0)
		case "*int":
			if i%2 == 0 {
				v = "&n"
			} else {
				v = "nil"
			}
		case "[]int":
			v = fmt.Sprintf("[]int{%d}", i)
		case "map[string]int":
			v = fmt.Sprintf(`map[string]int{"k%d": %d, "a": 0}`, i, i)
		case "any":
			v = fmt.Sprintf("[]any{%d, %q}", i, "x")
		case "float32":
			v = "0.25"
		case "uint8":
			v = fmt.Sprint(i % 256)
		default:
			t.Fatalf("big.go: field type %s", m[2])
		}
		fmt.Fprintf(&b, "%s: %s, ", m[1], v)
	}
	b.WriteString("} }()")
	return rt2Case{"200-field struct", "r2", b.String(), `ENC`, []int{0, 2, 4, 1}, false}
}

// rt2InTest generates a type declared in a _test.go file and runs the
// package's tests against python3's expected output.
func rt2InTest(t *testing.T, goTool, dir string) {
	t.Helper()
	res, err := generateNoPanic(Config{Dir: dir, Types: []string{"OnlyInTest"}})
	if err != nil {
		t.Errorf("intest: Generate(-type=OnlyInTest) failed: %s", clipText(err.Error(), 3000))
		return
	}
	for _, f := range res.Files {
		if !strings.HasSuffix(f.Path, "_test.go") {
			t.Errorf("intest: the output for a type of a _test.go file is %s, not a _test.go file", f.Path)
		}
		if err := os.WriteFile(f.Path, f.Content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want := pyoracle.Run(t, `
import json, struct
f = struct.unpack('<f', struct.pack('<f', 0.1))[0]
v = {"in": {"V": 0.1}, "m": {-3: 1.0, 2: 1e-7}, "any": [1, None]}
print(json.dumps(v, sort_keys=True, indent=1))
print(json.dumps({"in": {"V": 0.0}, "m": None, "any": None}))
`, nil)
	lines := strings.Split(strings.TrimSuffix(string(want), "\n"), "\n")
	test := `package intest

import (
	"testing"

	"github.com/jsondump/jsondump"
)

func TestDumpsInTest(t *testing.T) {
	v := &OnlyInTest{In: Inner{V: 0.1}, M: map[int8]float64{2: 1e-7, -3: 1}, Any: []any{1, nil}}
	s, err := v.Dumps(jsondump.SortKeys(true), jsondump.Indent(1))
	if err != nil || s != ` + fmt.Sprintf("%q", strings.Join(lines[:len(lines)-1], "\n")) + ` {
		t.Errorf("Dumps = %q, %v", s, err)
	}
	s, err = jsondump.Dumps(&OnlyInTest{})
	if err != nil || s != ` + fmt.Sprintf("%q", lines[len(lines)-1]) + ` {
		t.Errorf("jsondump.Dumps = %q, %v", s, err)
	}
}
`
	if err := os.WriteFile(filepath.Join(dir, "check_test.go"), []byte(test), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(goTool, "test", "-count=1", ".")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("intest: go test of a type declared in a _test.go file: %v\n%s", err, clipText(string(out), 4000))
	}
}

// rt2Driver writes the driver program.
func rt2Driver(cases []rt2Case, ok map[string]bool) string {
	var b strings.Builder
	b.WriteString(`package main

import (
	"bytes"
	"database/sql"
	"encoding"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"net"
	"net/netip"
	"net/url"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/jsondump/jsondump"
`)
	var pkgs []string
	for p, y := range ok {
		if y {
			pkgs = append(pkgs, p)
		}
	}
	sort.Strings(pkgs)
	for _, p := range pkgs {
		fmt.Fprintf(&b, "\t%q\n", "rtmod2/"+p)
	}
	b.WriteString(`)

var (
	_ = sql.ErrNoRows
	_ encoding.TextMarshaler
	_ = errors.New
	_ = math.Pi
	_ = big.NewInt
	_ = net.IPv4
	_ = netip.MustParseAddr
	_ = url.Parse
	_ = regexp.MustCompile
	_ = strings.Repeat
	_ = time.Now
)

type dumper interface {
	Dumps(opts ...jsondump.Option) (string, error)
	Dump(w io.Writer, opts ...jsondump.Option) error
}

func hook(v any) (any, error) { return "D", nil }

type hookError struct{ msg string }

func (e *hookError) Error() string { return e.msg }

func hook2(v any) (any, error) {
	switch x := v.(type) {
	case complex128:
		return []any{real(x), imag(x)}, nil
	case complex64:
		return complex128(x), nil
	case chan int:
		return map[string]any{"chan": cap(x)}, nil
	case func():
		return v, nil
`)
	if ok["r2"] {
		b.WriteString(`	case func(int):
		return map[string]any{"t": &r2.Tree{Name: "h"}, "f": r2.NF32(0.1), "c": complex64(1)}, nil
`)
	}
	b.WriteString(`	}
	return nil, &hookError{fmt.Sprintf("no %T", v)}
}

var optionSets = [][]jsondump.Option{
`)
	for _, o := range rt2Options {
		fmt.Fprintf(&b, "\t{%s},\n", o.goSrc)
	}
	b.WriteString(`}

` + rtDriverHelpers + `
` + rtDriverMain)
	for _, c := range cases {
		fmt.Fprintf(&b, "\t\t{func() any { return %s }, %#v},\n", c.goV, rt2Opts(c))
	}
	b.WriteString(rtDriverRun)
	return strings.Replace(b.String(), "\t\"fmt\"\n", "\t\"fmt\"\n\t\"io\"\n", 1)
}
