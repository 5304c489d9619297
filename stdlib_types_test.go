package jsondump_test

import (
	"bytes"
	"database/sql"
	"encoding"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"math/big"
	"math/rand/v2"
	"net"
	"net/netip"
	"net/url"
	"os"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unsafe"

	"github.com/jsondump/jsondump"
	"github.com/jsondump/jsondump/internal/pyoracle"
	jsondumprt "github.com/jsondump/jsondump/runtime"
)

// Values of standard-library types and odd Go types (time, math/big,
// net/netip, net, net/url, database/sql, encoding/json's Number and
// RawMessage, errors, locks and atomics, regexp, reflect.Value, byte arrays
// and named byte slices, pointers to pointers, typed map keys, uintptr,
// chan/func/complex/unsafe.Pointer) through Dumps, AppendDumps and Dump
// under random option sets, against CPython's json.dumps of a Python value
// derived without jsondump: json.loads of encoding/json.Marshal's text
// where that text is the right Python value, else a Python expression
// written here from README's mapping. Values with no JSON form are
// instances of a Python class named as Go's %T names the type, so that
// CPython's TypeError and the Default hook see the same name.

// A stdCase is one value and its Python equivalent.
type stdCase struct {
	name string
	v    any
	// py is a Python expression of the equivalent value; empty means
	// json.loads of encoding/json.Marshal(v).
	py string
	// numKeys: in json.loads of encoding/json's text, objects whose keys
	// are all integers are rebuilt in numeric key order (a Go map with
	// integer keys is a dict built in ascending numeric order, where
	// encoding/json orders the keys' text).
	numKeys bool
	// reflective: the value needs the reflective path (under
	// -tags jsondump_noreflect it is an unknown object, skipped here).
	reflective bool
	// marshalerErr: encoding/json fails in a method (MarshalJSON or
	// MarshalText) or finds invalid JSON text; Python has no such value, and
	// jsondump must return a *MarshalerError under every option set.
	marshalerErr bool
	// gen, when set, writes v as generated code does (the runtime's
	// functions that generated code calls), to be compared too; in the
	// build without the reflective path it is compared alone.
	gen func(opts []jsondump.Option) (string, error)
	// lim: py is evaluated under Python's limit of 4300 digits for int
	// from str (json.loads of a json.Number's text).
	lim bool
}

// Declared odd types.
type (
	stdKS    string
	stdKI    int8
	stdKU    uint64
	stdByte  uint8
	stdBytes []byte
	stdBS    []stdByte
	stdPP    **int
)

// stdTextByte is a byte type with MarshalText on its pointer: a slice of it
// is a list (encoding/json checks the element's methods before base64).
type stdTextByte uint8

func (b *stdTextByte) MarshalText() ([]byte, error) { return []byte(fmt.Sprint("b", int(*b))), nil }

// stdJSONByte is a byte type with MarshalJSON on the value.
type stdJSONByte uint8

func (b stdJSONByte) MarshalJSON() ([]byte, error) {
	return []byte(fmt.Sprint(`{"b": `, int(b), `}`)), nil
}

// stdTextKey is a string kind with MarshalText: encoding/json uses the
// string itself as a key (the kind wins), its text as a value.
type stdTextKey string

func (k stdTextKey) MarshalText() ([]byte, error) {
	return []byte("T" + strings.ToUpper(string(k))), nil
}

// stdIntTextKey is an integer kind with MarshalText: the key is its text.
type stdIntTextKey int

func (k stdIntTextKey) MarshalText() ([]byte, error) { return []byte(fmt.Sprint("k", -int(k))), nil }

type stdWithLocks struct {
	Mu   sync.Mutex
	RW   sync.RWMutex
	Once sync.Once
	A    atomic.Int64
	B    atomic.Bool
	P    atomic.Pointer[int]
	V    atomic.Value
	N    int
}

type stdEmbedLock struct {
	sync.Mutex
	N int `json:"n"`
}

type stdEmbedTime struct {
	time.Time
	X int
}

// stdEmbedTimeAddr: both Time and Addr have MarshalText at depth 1, so
// neither is promoted; only Time's MarshalJSON is.
type stdEmbedTimeAddr struct {
	time.Time
	netip.Addr
}

type stdEmbedIP struct {
	net.IP
	Port int
}

type stdBigFields struct {
	B  big.Int
	F  big.Float
	R  big.Rat
	RE regexp.Regexp
	T  time.Time
}

type stdOmit struct {
	T  time.Time       `json:"t,omitempty"`
	TZ time.Time       `json:"tz,omitzero"`
	A  netip.Addr      `json:"a,omitzero"`
	AE netip.Addr      `json:"ae,omitempty"`
	D  time.Duration   `json:"d,omitempty"`
	DS time.Duration   `json:"ds,string"`
	IP net.IP          `json:"ip,omitempty"`
	N  json.Number     `json:"n,omitempty"`
	RM json.RawMessage `json:"rm,omitempty"`
	S  sql.NullString  `json:"s,omitzero"`
	U  *url.URL        `json:"u,omitempty"`
	BI *big.Int        `json:"bi,omitempty"`
}

type stdPtrTextKey int

func (k *stdPtrTextKey) MarshalText() ([]byte, error) { return []byte("never"), nil }

type stdPI *int

// stdBadText is a key type whose texts are not all valid UTF-8: Python's
// str keys are the texts with U+FFFD for each invalid byte, so "\xff",
// "\xfe" and "\ufffd" are one key.
type stdBadText int

func (k stdBadText) MarshalText() ([]byte, error) {
	return []byte([]string{"\xff", "\xfe", "\ufffd", "\U0001F600", "a", "\xffz", "\ufffdz"}[k]), nil
}

// stdQuoted: encoding/json's ,string applies to bool, integer, float and
// string kinds, after one level of an unnamed pointer; elsewhere it is
// ignored.
type stdQuoted struct {
	D   time.Duration     `json:",string"`
	PD  *time.Duration    `json:",string"`
	PPI **int             `json:",string"`
	NPI stdPI             `json:",string"`
	UP  uintptr           `json:",string"`
	T   time.Time         `json:",string"`
	K   stdIntTextKey     `json:",string"`
	A   any               `json:",string"`
	B   []byte            `json:",string"`
	BI  *big.Int          `json:",string"`
	IP  netip.Addr        `json:",string"`
	S   stdKS             `json:",string"`
	M   map[string]int    `json:",string"`
	NP  *int              `json:",string"`
	F   float32           `json:",string"`
	SN  sql.NullInt64     `json:",string"`
	L   slog.Level        `json:",string"`
	E   error             `json:",string"`
	Arr [2]bool           `json:",string"`
	X   struct{ N int }   `json:",string"`
	Y   *struct{ N bool } `json:",string"`
}

type stdEmbedRaw struct {
	json.RawMessage
	X int
}

type stdEmbedBigPtr struct {
	*big.Int
	X int
}

type stdEmbedNonStruct struct {
	time.Duration
	stdKS
	*stdKI
	json.Number
	X int
}

type stdUnknownFields struct {
	C  chan int
	F  func()
	X  complex128
	Y  complex64
	P  unsafe.Pointer
	A  any
	OK int
}

func stdMustTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		panic(err)
	}
	return t
}

func stdBig(s string) *big.Int {
	b, ok := new(big.Int).SetString(s, 10)
	if !ok {
		panic(s)
	}
	return b
}

// stdGenTextMap writes m as generated code writes a map with
// encoding.TextMarshaler keys of an ordered kind.
func stdGenTextMap(m map[stdBadText]int) func([]jsondump.Option) (string, error) {
	return func(opts []jsondump.Option) (string, error) {
		e := jsondumprt.NewStringEncoder(opts, nil)
		jsondumprt.EncodeTextMapOrdered(e, m, func(e *jsondumprt.Encoder, v int) { e.Int(int64(v)) }, "jsondump_test.stdBadText")
		return e.FinishString()
	}
}

// stdCases returns the cases. Built fresh for each run, so that values
// holding pointers are not shared between subtests.
func stdCases() []stdCase {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		ny = time.FixedZone("EST", -5*3600)
	}
	now := time.Now() // carries a monotonic clock reading
	u, _ := url.Parse("https://us%20er:p%40ss@example.com:8080/a%20b/c?q=1&r=%C3%A9#frag%21")
	opaque, _ := url.Parse("mailto:someone@example.com")
	nines := strings.Repeat("9", 4300)
	x := 7
	px := &x
	ppx := &px
	var nilp *int
	pnil := &nilp
	bigArr := [2]big.Int{*big.NewInt(5), *big.NewInt(-6)}
	bf := big.NewFloat(1.5)
	bf.SetPrec(200)
	bfInf := new(big.Float).SetInf(true)
	rat := big.NewRat(-10, 4)
	fields := &stdBigFields{T: stdMustTime("2001-02-03T04:05:06.7+01:00")}
	fields.B.SetInt64(42)
	fields.F.SetFloat64(0.25)
	fields.R.SetFrac64(2, 6)
	fields.RE = *regexp.MustCompile(`x*`)
	locks := &stdWithLocks{N: 3}
	locks.A.Store(9)
	lockEmbed := &stdEmbedLock{N: 4}
	var nilIP net.IP
	var nilURL *url.URL
	var nilBig *big.Int
	var nilBigF *big.Float
	var nilRE *regexp.Regexp
	var nilErr error
	var nilTime *time.Time
	badText := map[stdBadText]int{0: 0, 1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6}
	badText2 := map[stdBadText]int{0: 0, 3: 3}
	type anon = struct {
		When  time.Time     `json:"when"`
		Took  time.Duration `json:"took"`
		Where netip.AddrPort
	}
	cs := []stdCase{
		// time
		{name: "time now (monotonic)", v: now},
		{name: "time now UTC", v: now.UTC()},
		{name: "time fixed zone", v: time.Date(2024, 2, 29, 23, 59, 59, 999999999, time.FixedZone("X", 5*3600+30*60))},
		{name: "time odd zone seconds", v: time.Date(1900, 1, 1, 0, 0, 0, 0, time.FixedZone("LMT", -(4*3600+56*60+2)))},
		{name: "time New York", v: time.Date(2024, 7, 4, 12, 0, 0, 1000, ny)},
		{name: "time zero", v: time.Time{}},
		{name: "time year 10000", v: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), marshalerErr: true},
		{name: "time year -1", v: []any{1, time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC)}, marshalerErr: true},
		{name: "time year 9999", v: time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC)},
		{name: "*time.Time", v: &now},
		{name: "nil *time.Time", v: nilTime},
		{name: "[]time.Time", v: []time.Time{time.Unix(0, 0).UTC(), time.Unix(1e9, 5).In(time.FixedZone("", 3600))}, reflective: true},
		{name: "time.Duration", v: time.Duration(1500), reflective: true},
		{name: "time.Duration min", v: time.Duration(math.MinInt64), reflective: true},
		{name: "[]time.Duration", v: []time.Duration{time.Hour, -time.Nanosecond}, reflective: true},
		{name: "time.Month, Weekday", v: []any{time.March, time.Saturday}, reflective: true},
		{name: "*time.Location", v: ny, reflective: true},
		{name: "time.UTC", v: time.UTC, reflective: true},
		{name: "anonymous struct of time", v: anon{When: time.Unix(1700000000, 0).UTC(), Took: 3 * time.Second, Where: netip.MustParseAddrPort("1.2.3.4:5")}, reflective: true},
		{name: "map[time.Time]int", v: map[time.Time]int{time.Unix(0, 0).UTC(): 1, time.Unix(-1, 0).UTC(): 2, time.Unix(0, 0).In(time.FixedZone("", -60)): 3}, reflective: true},
		{name: "map[time.Duration]string", v: map[time.Duration]string{time.Second: "s", -time.Minute: "m", 0: "z"}, numKeys: true, reflective: true},
		{name: "map[time.Month]bool", v: map[time.Month]bool{time.December: true, time.January: false}, numKeys: true, reflective: true},

		// math/big
		{name: "*big.Int", v: stdBig("-123456789012345678901234567890")},
		{name: "*big.Int 4300 digits", v: stdBig(nines)},
		{name: "*big.Int -4300 digits", v: stdBig("-" + nines)},
		{name: "*big.Int 4301 digits", v: stdBig("1" + nines)},
		{name: "[]*big.Int 4301 digits late", v: []*big.Int{big.NewInt(1), nil, stdBig("-1" + nines)}, reflective: true},
		{name: "nil *big.Int", v: nilBig},
		{name: "big.Int value", v: *big.NewInt(3), reflective: true},
		{name: "*big.Float", v: bf},
		{name: "*big.Float inf", v: bfInf},
		{name: "nil *big.Float", v: nilBigF},
		{name: "*big.Rat", v: rat},
		{name: "big.Rat value", v: *big.NewRat(1, 3), reflective: true},
		{name: "[]big.Int (addressable)", v: []big.Int{*big.NewInt(1), *big.NewInt(-2)}, reflective: true},
		{name: "[2]big.Int (not addressable)", v: bigArr, reflective: true},
		{name: "*[2]big.Int (addressable)", v: &bigArr, reflective: true},
		{name: "map[string]big.Int (not addressable)", v: map[string]big.Int{"a": *big.NewInt(1)}, reflective: true},
		{name: "map[string]*big.Int", v: map[string]*big.Int{"a": big.NewInt(1), "b": nil, "c": stdBig(nines)}, reflective: true},
		{name: "*stdBigFields (addressable fields)", v: fields, reflective: true},
		{name: "stdBigFields (not addressable)", v: *fields, reflective: true},
		{name: "map[*big.Int]int", v: map[*big.Int]int{big.NewInt(10): 1, big.NewInt(-2): 2}, reflective: true},
		{name: "map[*big.Float]int", v: map[*big.Float]int{big.NewFloat(0.5): 1}, reflective: true},

		// net/netip, net
		{name: "netip.Addr v4", v: netip.MustParseAddr("192.168.0.1")},
		{name: "netip.Addr v6 zone", v: netip.MustParseAddr("fe80::1%eth0")},
		{name: "netip.Addr 4in6", v: netip.MustParseAddr("::ffff:1.2.3.4")},
		{name: "netip.Addr zero", v: netip.Addr{}},
		{name: "netip.Prefix", v: netip.MustParsePrefix("2001:db8::/32")},
		{name: "netip.Prefix zero", v: netip.Prefix{}},
		{name: "netip.AddrPort", v: netip.MustParseAddrPort("[::1]:443")},
		{name: "[]netip.Addr", v: []netip.Addr{netip.MustParseAddr("1.1.1.1"), {}}, reflective: true},
		{name: "map[netip.Addr]string", v: map[netip.Addr]string{netip.MustParseAddr("10.0.0.2"): "b", netip.MustParseAddr("10.0.0.10"): "a", netip.MustParseAddr("::1"): "c"}, reflective: true},
		{name: "map[netip.Prefix]int", v: map[netip.Prefix]int{netip.MustParsePrefix("10.0.0.0/8"): 1, {}: 0}, reflective: true},
		{name: "net.IP v4", v: net.ParseIP("1.2.3.4")},
		{name: "net.IP v6", v: net.ParseIP("2001:db8::68")},
		{name: "net.IP nil", v: nilIP},
		{name: "net.IP odd length", v: net.IP{1, 2, 3}, marshalerErr: true},
		{name: "net.IPMask", v: net.CIDRMask(20, 32), reflective: true},
		{name: "net.IPNet", v: net.IPNet{IP: net.IP{10, 0, 0, 0}, Mask: net.CIDRMask(8, 32)}, reflective: true},
		{name: "*net.IPNet", v: &net.IPNet{IP: net.ParseIP("::"), Mask: net.CIDRMask(0, 128)}, reflective: true},
		{name: "[]net.IP", v: []net.IP{net.IPv4bcast, nil, {}}, reflective: true},
		{name: "net.HardwareAddr", v: net.HardwareAddr{0, 1, 2, 3, 4, 0xff}, reflective: true},
		{name: "*net.TCPAddr", v: &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 80, Zone: "z"}, reflective: true},
		{name: "struct embedding net.IP", v: stdEmbedIP{IP: net.IPv4(9, 9, 9, 9), Port: 1}, reflective: true},

		// net/url
		{name: "url.URL", v: *u, reflective: true},
		{name: "*url.URL", v: u, reflective: true},
		{name: "*url.URL opaque", v: opaque, reflective: true},
		{name: "nil *url.URL", v: nilURL, reflective: true},
		{name: "*url.Userinfo", v: url.UserPassword("a", "b"), reflective: true},
		{name: "url.Values", v: url.Values{"b": {"1", "é"}, "a": nil, "c": {}}, reflective: true},
		{name: "url.Error", v: &url.Error{Op: "Get", URL: "http://x", Err: errors.New("boom")}, reflective: true},

		// encoding/json
		{name: "json.Number int", v: json.Number("12")},
		{name: "json.Number float", v: json.Number("12.50")},
		{name: "json.Number -0", v: json.Number("-0")},
		{name: "json.Number -0.0", v: json.Number("-0.0")},
		{name: "json.Number exp", v: json.Number("1E5")},
		{name: "json.Number huge exp", v: json.Number("-1e400")},
		{name: "json.Number tiny", v: json.Number("1e-400")},
		{name: "json.Number empty", v: json.Number("")},
		{name: "json.Number 4300 digits", v: json.Number(nines)},
		{name: "json.Number 4300 digits frac", v: json.Number(nines + ".5"), py: "float('" + nines + ".5')"},
		{name: "json.Number invalid", v: json.Number("1."), marshalerErr: true},
		{name: "json.Number leading zero", v: json.Number("01"), marshalerErr: true},
		{name: "json.Number NaN", v: json.Number("NaN"), marshalerErr: true},
		{name: "json.Number space", v: json.Number(" 1"), marshalerErr: true},
		{name: "json.RawMessage empty", v: json.RawMessage{}, marshalerErr: true},
		{name: "json.RawMessage two values", v: json.RawMessage("1 2"), marshalerErr: true},
		{name: "json.RawMessage NaN (json.loads takes it)", v: json.RawMessage("[NaN, -Infinity]"), py: `[float("nan"), float("-inf")]`},
		{name: "json.RawMessage bad UTF-8", v: json.RawMessage("{\"\xff\": \"a\xffb\"}"), py: `{"\ufffd": "a\ufffdb"}`},
		{name: "json.Number 4301 digits", v: json.Number("1" + nines), py: `json.loads("1" + "9" * 4300)`, lim: true},
		{name: "json.RawMessage 4301 digits", v: []any{json.RawMessage("[-1" + nines + "]")}, py: `[json.loads("[-1" + "9" * 4300 + "]")]`, lim: true},
		{name: "[]json.Number", v: []json.Number{"1", "", "2.0"}, reflective: true},
		{name: "map[json.Number]int", v: map[json.Number]int{"10": 1, "9": 2, "1.0": 3}, reflective: true},
		{name: "json.RawMessage", v: json.RawMessage(" {\"b\": [1, 2.0, 1e2], \"a\": \"\\u00e9<>\", \"b\": null} ")},
		{name: "json.RawMessage nil", v: json.RawMessage(nil)},
		{name: "json.RawMessage scalar", v: json.RawMessage(`"x\ud83d\ude00"`)},
		{name: "*json.RawMessage", v: &json.RawMessage{'[', ']'}, reflective: true},
		{name: "[]json.RawMessage with nil", v: []json.RawMessage{nil, json.RawMessage(`1`)}, reflective: true},
		{name: "map[string]json.RawMessage", v: map[string]json.RawMessage{"x": json.RawMessage(`{"z":1,"y":[]}`), "n": nil}, reflective: true},

		// database/sql
		{name: "sql.NullString", v: sql.NullString{String: "x", Valid: true}, reflective: true},
		{name: "sql.NullInt64", v: sql.NullInt64{Int64: -1 << 63}, reflective: true},
		{name: "sql.NullFloat64", v: sql.NullFloat64{Float64: 2, Valid: true}, py: `{"Float64": 2.0, "Valid": True}`, reflective: true},
		{name: "sql.NullBool", v: &sql.NullBool{Bool: true}, reflective: true},
		{name: "sql.NullTime", v: sql.NullTime{Time: time.Unix(5, 0).UTC(), Valid: true}, reflective: true},
		{name: "sql.NullByte, NullInt16", v: []any{sql.NullByte{Byte: 255, Valid: true}, sql.NullInt16{Int16: -3}}, reflective: true},
		{name: "sql.Null[[]byte]", v: sql.Null[[]byte]{V: []byte("hi"), Valid: true}, reflective: true},
		{name: "sql.Null[net.IP]", v: sql.Null[net.IP]{V: net.IPv4(1, 2, 3, 4)}, reflective: true},
		{name: "sql.RawBytes", v: sql.RawBytes("raw"), reflective: true},
		{name: "sql.IsolationLevel", v: sql.LevelSerializable, reflective: true},

		// bytes
		{name: "[]byte nil", v: []byte(nil)},
		{name: "[]byte empty", v: []byte{}},
		{name: "[]byte", v: []byte{0, 0xff, 'a', 0x80}},
		{name: "[4]byte", v: [4]byte{1, 2, 3, 255}, reflective: true},
		{name: "[0]byte", v: [0]byte{}, reflective: true},
		{name: "*[2]uint8", v: &[2]uint8{7, 8}, reflective: true},
		{name: "named []byte", v: stdBytes("named"), reflective: true},
		{name: "named []byte nil", v: stdBytes(nil), reflective: true},
		{name: "[]named byte", v: stdBS{1, 2, 3}, reflective: true},
		{name: "[]stdByte unnamed slice", v: []stdByte{250}, reflective: true},
		{name: "[2]stdByte", v: [2]stdByte{1, 2}, reflective: true},
		{name: "[]stdTextByte (element MarshalText on pointer)", v: []stdTextByte{1, 2}, reflective: true},
		{name: "[]stdJSONByte (element MarshalJSON)", v: []stdJSONByte{3, 4}, reflective: true},
		{name: "[][]byte", v: [][]byte{nil, {}, {1}}, reflective: true},
		{name: "[]*byte", v: []*byte{nil, new(byte)}, reflective: true},
		{name: "map[string][]byte", v: map[string][]byte{"a": []byte("A"), "n": nil}, reflective: true},
		{name: "[]uint16", v: []uint16{1, 65535}, reflective: true},
		{name: "[]int8", v: []int8{-128, 127}, reflective: true},

		// pointers, interfaces, nils
		{name: "**int", v: ppx, reflective: true},
		{name: "named **int", v: stdPP(ppx), reflective: true},
		{name: "**int to nil", v: pnil, reflective: true},
		{name: "***int", v: &ppx, reflective: true},
		{name: "*any to *int", v: func() *any { var a any = px; return &a }(), reflective: true},
		{name: "[]any of typed nils", v: []any{(*int)(nil), (*big.Int)(nil), (*url.URL)(nil), (*time.Time)(nil), []int(nil), map[string]int(nil), (*regexp.Regexp)(nil), stdBytes(nil), (*[2]int)(nil)}, py: "[None]*9", reflective: true},
		{name: "nil error", v: nilErr},
		{name: "errors.New", v: errors.New("boom"), reflective: true},
		{name: "fmt.Errorf %w", v: fmt.Errorf("w: %w", errors.New("x")), reflective: true},
		{name: "errors.Join", v: errors.Join(errors.New("a"), errors.New("b")), reflective: true},
		{name: "*os.PathError", v: &os.PathError{Op: "open", Path: "/x", Err: os.ErrNotExist}, reflective: true},
		{name: "[]error", v: []error{nil, io.EOF}, reflective: true},
		{name: "struct{E error}", v: struct{ E error }{io.ErrUnexpectedEOF}, reflective: true},

		// odd scalars and structs
		{name: "uintptr", v: uintptr(math.MaxUint64)},
		{name: "[]uintptr", v: []uintptr{0, 1}, reflective: true},
		{name: "struct{}", v: struct{}{}, reflective: true},
		{name: "[]struct{}", v: []struct{}{{}, {}}, reflective: true},
		{name: "map[string]struct{}", v: map[string]struct{}{"a": {}}, reflective: true},
		{name: "*struct{}", v: &struct{}{}, reflective: true},
		{name: "reflect.Value", v: reflect.ValueOf(3), reflective: true},
		{name: "*stdWithLocks", v: locks, reflective: true},
		{name: "*stdEmbedLock", v: lockEmbed, reflective: true},
		{name: "*sync.WaitGroup", v: new(sync.WaitGroup), reflective: true},
		{name: "*atomic.Int64", v: new(atomic.Int64), reflective: true},
		{name: "*regexp.Regexp", v: regexp.MustCompile(`^a+\d<b>$`)},
		{name: "nil *regexp.Regexp", v: nilRE},
		{name: "regexp.Regexp value", v: *regexp.MustCompile(`a`), reflective: true},
		{name: "slog.Level", v: slog.LevelWarn + 2},
		{name: "map[slog.Level]int", v: map[slog.Level]int{slog.LevelDebug: 1, slog.LevelError: 2}, reflective: true},
		{name: "os.FileMode", v: os.FileMode(0o755) | os.ModeDir, reflective: true},
		{name: "struct embedding time.Time", v: stdEmbedTime{Time: time.Unix(7, 0).UTC(), X: 1}, reflective: true},
		{name: "struct embedding time.Time and netip.Addr", v: stdEmbedTimeAddr{Time: time.Unix(8, 0).UTC(), Addr: netip.MustParseAddr("::2")}, reflective: true},
		{name: "stdOmit zero", v: stdOmit{}, reflective: true},
		{name: "stdOmit full", v: stdOmit{T: time.Unix(1, 0).UTC(), TZ: time.Unix(2, 0).UTC(), A: netip.MustParseAddr("1.2.3.4"), AE: netip.IPv6Unspecified(), D: 5, DS: -6, IP: net.IP{}, N: "3.0", RM: json.RawMessage("[]"), S: sql.NullString{Valid: true}, U: &url.URL{Path: "p"}, BI: big.NewInt(0)}, reflective: true},

		// map keys
		{name: "map[stdKS]int", v: map[stdKS]int{"b": 1, "a": 2, "é": 3, "Z": 4}, reflective: true},
		{name: "map[stdKI]string", v: map[stdKI]string{-128: "a", 127: "b", 0: "c", -1: "d", 10: "e", 9: "f"}, numKeys: true, reflective: true},
		{name: "map[stdKU]int", v: map[stdKU]int{math.MaxUint64: 1, 0: 2, 1 << 63: 3}, numKeys: true, reflective: true},
		{name: "map[uintptr]int", v: map[uintptr]int{3: 1, 20: 2}, numKeys: true, reflective: true},
		{name: "map[stdTextKey]int (string kind wins)", v: map[stdTextKey]int{"b": 1, "a": 2}, reflective: true},
		{name: "stdTextKey value (text)", v: []stdTextKey{"v"}, reflective: true},
		{name: "map[stdIntTextKey]int", v: map[stdIntTextKey]int{1: 1, 2: 2, -3: 3}, reflective: true},
		{name: "map[bool]int", v: map[bool]int{true: 1, false: 0}, py: `{False: 0, True: 1}`, reflective: true},
		{name: "map[float64]string", v: map[float64]string{1: "a", -0.5: "b", math.Inf(1): "c", 1e16: "d"}, py: `{-0.5: "b", 1.0: "a", 1e16: "d", float("inf"): "c"}`, reflective: true},
		{name: "map[float32]int", v: map[float32]int{0.1: 1}, py: `{0.1: 1}`, reflective: true},
		{name: "map[[2]int]int", v: map[[2]int]int{{1, 2}: 3}, py: `{U("[2]int"): 3}`, reflective: true},
		{name: "map[*int]int", v: map[*int]int{px: 1}, py: `{U("*int"): 1}`, reflective: true},
		{name: "map[struct{}]int", v: map[struct{}]int{{}: 1}, py: `{U("struct {}"): 1}`, reflective: true},
		{name: "map[any]int of odd keys", v: map[any]int{"s": 1, 2: 2, stdKS("k"): 3}, py: `{2: 2, "k": 3, "s": 1}`, reflective: true},
		{name: "map[any]string of *big.Int beyond 64 bits", v: map[any]string{stdBig("18446744073709551616"): "a", uint64(math.MaxUint64): "b", stdBig("-9223372036854775809"): "c", 1.5: "d", big.NewInt(7): "e", stdBig("1180591620717411303424"): "f"},
			py: `{-9223372036854775809: "c", 1.5: "d", 7: "e", 18446744073709551615: "b", 18446744073709551616: "a", 2**70: "f"}`, reflective: true},
		{name: "map[any]int of a 4301-digit *big.Int", v: map[any]int{stdBig("1" + nines): 1}, py: `{int("1" + "9" * 4300): 1}`, reflective: true},
		{name: "map[any]int of netip.Addr", v: map[any]int{netip.Addr{}: 1}, py: `{U("netip.Addr"): 1}`, reflective: true},

		{name: "map[stdPtrTextKey]int (method on the pointer: the int)", v: map[stdPtrTextKey]int{2: 1, 10: 2}, numKeys: true, reflective: true},
		{name: "map[*netip.Addr]int", v: map[*netip.Addr]int{nil: 1, func() *netip.Addr { a := netip.MustParseAddr("1.2.3.4"); return &a }(): 2}, reflective: true},
		{name: "map[stdBadText]int (invalid UTF-8 texts)", v: badText, gen: stdGenTextMap(badText),
			py: `{"a": 4, "\ufffd": 0, "\ufffdz": 5, "\U0001F600": 3}`, reflective: true},
		{name: "map[stdBadText]int, one invalid", v: badText2, gen: stdGenTextMap(badText2), py: `{"\U0001F600": 3, "\ufffd": 0}`, reflective: true},
		{name: "map[*stdKS]int", v: map[*stdKS]int{new(stdKS): 1}, py: `{U("*jsondump_test.stdKS"): 1}`, reflective: true},
		{name: "map[string]fmt.Stringer", v: map[string]fmt.Stringer{"d": time.Second, "n": nil, "ip": net.IP{1, 2, 3, 4}, "z": (*big.Int)(nil), "f": (*big.Float)(nil)}, reflective: true},
		{name: "[]encoding.TextMarshaler of nil pointers", v: []encoding.TextMarshaler{(*big.Float)(nil), (*big.Int)(nil), nil}, reflective: true},
		{name: "[]json.Marshaler of nil pointers", v: []json.Marshaler{(*big.Int)(nil), nil, json.RawMessage(nil), json.RawMessage(`{}`)}, reflective: true},

		// ,string and embedding
		{name: "stdQuoted zero", v: stdQuoted{}, py: `{"D": "0", "PD": None, "PPI": None, "NPI": None, "UP": "0", "T": "0001-01-01T00:00:00Z", "K": "k0", "A": None, "B": None,
			"BI": None, "IP": "", "S": "\"\"", "M": None, "NP": None, "F": "0.0", "SN": {"Int64": 0, "Valid": False}, "L": "INFO", "E": None,
			"Arr": [False, False], "X": {"N": 0}, "Y": None}`, reflective: true},
		{name: "stdQuoted full", v: func() *stdQuoted {
			d := time.Duration(-5)
			n := 8
			pn := &n
			return &stdQuoted{D: 3, PD: &d, PPI: &pn, NPI: stdPI(pn), UP: 9, T: time.Unix(3, 0).UTC(), K: 4, A: 5, B: []byte("b"),
				BI: big.NewInt(6), IP: netip.IPv4Unspecified(), S: "a\"", M: map[string]int{"m": 1}, NP: pn, F: 0.5,
				SN: sql.NullInt64{Int64: 1, Valid: true}, L: slog.LevelError, E: io.EOF, Arr: [2]bool{true, false}, X: struct{ N int }{1}, Y: &struct{ N bool }{true}}
		}(), py: `{"D": "3", "PD": "-5", "PPI": 8, "NPI": 8, "UP": "9", "T": "1970-01-01T00:00:03Z", "K": "k-4", "A": 5, "B": "Yg==",
			"BI": 6, "IP": "0.0.0.0", "S": '"a\\""', "M": {"m": 1}, "NP": "8", "F": "0.5", "SN": {"Int64": 1, "Valid": True}, "L": "ERROR",
			"E": {}, "Arr": [True, False], "X": {"N": 1}, "Y": {"N": True}}`, reflective: true},
		{name: "struct embedding json.RawMessage", v: stdEmbedRaw{RawMessage: json.RawMessage(`[3, 4.0]`), X: 1}, reflective: true},
		{name: "*struct embedding json.RawMessage", v: &stdEmbedRaw{RawMessage: json.RawMessage(`{"k": null}`)}, reflective: true},
		{name: "struct embedding *big.Int", v: stdEmbedBigPtr{Int: big.NewInt(77)}, reflective: true},
		{name: "struct embedding nil *big.Int", v: stdEmbedBigPtr{X: 2}, reflective: true},
		{name: "struct embedding non-structs", v: stdEmbedNonStruct{Duration: 5, stdKS: "hidden", stdKI: new(stdKI), Number: "2.50", X: 1}, py: `{"Duration": 5, "Number": 2.5, "X": 1}`, reflective: true},
		{name: "map[string]sql.Null[netip.Prefix]", v: map[string]sql.Null[netip.Prefix]{"a": {V: netip.MustParsePrefix("1.0.0.0/8"), Valid: true}}, reflective: true},

		// unknown objects
		{name: "chan", v: make(chan int), py: `U("chan int")`},
		{name: "func", v: func() {}, py: `U("func()")`},
		{name: "complex128", v: complex(1, 2), py: `U("complex128")`},
		{name: "complex64", v: complex64(1), py: `U("complex64")`},
		{name: "unsafe.Pointer", v: unsafe.Pointer(px), py: `U("unsafe.Pointer")`},
		{name: "nil chan", v: (chan string)(nil), py: `U("chan string")`},
		{name: "nil func", v: (func(int) error)(nil), py: `U("func(int) error")`},
		{name: "struct of unknowns", v: &stdUnknownFields{A: complex64(2), OK: 1},
			py: `{"C": U("chan int"), "F": U("func()"), "X": U("complex128"), "Y": U("complex64"), "P": U("unsafe.Pointer"), "A": U("complex64"), "OK": 1}`, reflective: true},
		{name: "map[string]chan int", v: map[string]chan int{"b": nil, "a": make(chan int)}, py: `{"a": U("chan int"), "b": U("chan int")}`, reflective: true},
		{name: "[]func()", v: []func(){nil}, py: `[U("func()")]`, reflective: true},
		{name: "[]any of unknowns", v: []any{1, complex(0, 1), "x", make(<-chan bool)}, py: `[1, U("complex128"), "x", U("<-chan bool")]`},
		{name: "*complex128", v: new(complex128), py: `U("complex128")`, reflective: true},
		{name: "map[string]any of unknown and floats", v: map[string]any{"f": 1.0, "g": float32(0.1), "c": complex64(0), "n": math.NaN()}, py: `{"c": U("complex64"), "f": 1.0, "g": 0.1, "n": float("nan")}`},
		{name: "[]float64 with -Inf", v: []float64{math.Inf(-1), -0.0, 1e16, 1e-5}, py: `[float("-inf"), 0.0, 1e16, 1e-05]`},

		// containers of stdlib values
		{name: "[]any of stdlib", v: []any{time.Unix(0, 0).UTC(), netip.MustParseAddr("::"), big.NewInt(-1), json.Number("1.5"), net.IPv4zero, regexp.MustCompile("re"), time.Minute, uintptr(1)}, reflective: true},
		{name: "map[string]any of stdlib", v: map[string]any{"t": time.Unix(1, 0).UTC(), "ip": net.IP{127, 0, 0, 1}, "n": json.Number("-0.0"), "r": json.RawMessage(`[1,{"a":2}]`), "b": []byte("bin"), "bf": big.NewFloat(-0.0)}},
	}
	return cs
}

// stdScript is the Python side. The first input line is the list of option
// sets (kwargs, with "hook": true for the Default hook); each later line a
// case, {"j": encoding/json text, "nk": bool} or {"p": expression}. For each
// case and option set it prints "OK <hex of the UTF-8 output>" or "ERR
// <Type>: <message>" (the pure-Python encoder's message, CPython 3.12's
// wording, when the C encoder fails).
const stdScript = `
import sys, json
sys.setrecursionlimit(10000)
classes = {}
class Unk: pass
def U(name):
    if name not in classes: classes[name] = type(name, (Unk,), {})
    return classes[name]()
def default(o):
    if isinstance(o, Unk): return "<" + type(o).__name__ + ">"
    raise TypeError(f"Object of type {o.__class__.__name__} is not JSON serializable")
def numkeys(pairs):
    try:
        ks = [int(k) for k, _ in pairs]
    except ValueError:
        return dict(pairs)
    if any(str(k) != s for k, (s, _) in zip(ks, pairs)): return dict(pairs)
    return dict((k, v) for k, (_, v) in sorted(zip(ks, pairs), key=lambda x: x[0]))
inp = sys.stdin.buffer.read().decode("utf-8").split("\n")
optsets = []
for kw in json.loads(inp[0]):
    if kw.pop("hook", False): kw["default"] = default
    if "separators" in kw: kw["separators"] = tuple(kw["separators"])
    optsets.append(kw)
out = []
for line in inp[1:]:
    if not line: continue
    c = json.loads(line)
    # Ints are built without the limit on their digits (a *big.Int is an
    # int of any size), except for "lim" cases, the json.loads of a Go
    # value's own JSON text (json.Number, json.RawMessage), which Python
    # reads under the limit; an exception there is the answer under every
    # option set.
    if not c.get("lim"): sys.set_int_max_str_digits(0)
    try:
        if "j" in c:
            v = json.loads(c["j"], object_pairs_hook=numkeys if c.get("nk") else None)
        else:
            v = eval(c["p"])
    except Exception as e:
        out.extend(["ERR %s: %s" % (type(e).__name__, str(e).replace("\n", " "))] * len(optsets))
        continue
    finally:
        sys.set_int_max_str_digits(4300)
    for kw in optsets:
        try:
            s = json.dumps(v, **kw)
            out.append("OK " + s.encode("utf-8").hex())
        except Exception:
            try:
                "".join(json.JSONEncoder(**kw).iterencode(v))
                out.append("ERR ?: C and Python encoders disagree")
            except Exception as e:
                out.append("ERR %s: %s" % (type(e).__name__, str(e).replace("\n", " ")))
sys.stdout.write("\n".join(out) + "\n")
`

// A stdOpts is one random option set: Go options (with earlier options
// that later ones override) and Python's kwargs.
type stdOpts struct {
	desc   string
	opts   []jsondump.Option
	kwargs map[string]any
}

var stdIndents = []string{"", "\t", "ab", " é", "\n", "\x00", "  "}
var stdSeps = []string{"", ",", ", ", " , ", ":", ": ", "é", "\t", "\\", "\""}

func stdHook(v any) (any, error) { return "<" + fmt.Sprintf("%T", v) + ">", nil }

// stdRandomOpts draws an option set. Now and then an option comes after an
// earlier option of the same kind (a decoy), which it must override.
func stdRandomOpts(r *rand.Rand) stdOpts {
	var o stdOpts
	o.kwargs = map[string]any{}
	var desc []string
	add := func(d string, op jsondump.Option) {
		desc = append(desc, d)
		o.opts = append(o.opts, op)
	}
	decoy := func(d string, op jsondump.Option) {
		if r.IntN(4) == 0 {
			add(d, op)
		}
	}
	for _, k := range r.Perm(8) {
		switch k {
		case 0: // indent
			switch r.IntN(3) {
			case 1:
				decoy(`IndentString("x")`, jsondump.IndentString("x"))
				n := r.IntN(7) - 2
				add(fmt.Sprintf("Indent(%d)", n), jsondump.Indent(n))
				o.kwargs["indent"] = n
			case 2:
				decoy("Indent(3)", jsondump.Indent(3))
				s := stdIndents[r.IntN(len(stdIndents))]
				add(fmt.Sprintf("IndentString(%q)", s), jsondump.IndentString(s))
				o.kwargs["indent"] = s
			}
		case 1:
			if r.IntN(2) == 0 {
				decoy(`Separators("x", "y")`, jsondump.Separators("x", "y"))
				a, b := stdSeps[r.IntN(len(stdSeps))], stdSeps[r.IntN(len(stdSeps))]
				add(fmt.Sprintf("Separators(%q, %q)", a, b), jsondump.Separators(a, b))
				o.kwargs["separators"] = []string{a, b}
			}
		case 2:
			if b := r.IntN(3); b < 2 {
				decoy(fmt.Sprintf("EnsureASCII(%v)", b != 1), jsondump.EnsureASCII(b != 1))
				add(fmt.Sprintf("EnsureASCII(%v)", b == 1), jsondump.EnsureASCII(b == 1))
				o.kwargs["ensure_ascii"] = b == 1
			}
		case 3:
			if b := r.IntN(3); b < 2 {
				decoy(fmt.Sprintf("SortKeys(%v)", b != 1), jsondump.SortKeys(b != 1))
				add(fmt.Sprintf("SortKeys(%v)", b == 1), jsondump.SortKeys(b == 1))
				o.kwargs["sort_keys"] = b == 1
			}
		case 4:
			if b := r.IntN(3); b < 2 {
				decoy(fmt.Sprintf("SkipKeys(%v)", b != 1), jsondump.SkipKeys(b != 1))
				add(fmt.Sprintf("SkipKeys(%v)", b == 1), jsondump.SkipKeys(b == 1))
				o.kwargs["skipkeys"] = b == 1
			}
		case 5:
			if b := r.IntN(3); b < 2 {
				decoy(fmt.Sprintf("AllowNaN(%v)", b != 1), jsondump.AllowNaN(b != 1))
				add(fmt.Sprintf("AllowNaN(%v)", b == 1), jsondump.AllowNaN(b == 1))
				o.kwargs["allow_nan"] = b == 1
			}
		case 6:
			if b := r.IntN(3); b < 2 {
				decoy(fmt.Sprintf("CheckCircular(%v)", b != 1), jsondump.CheckCircular(b != 1))
				add(fmt.Sprintf("CheckCircular(%v)", b == 1), jsondump.CheckCircular(b == 1))
				o.kwargs["check_circular"] = b == 1
			}
		case 7:
			switch r.IntN(3) {
			case 0:
				add("Default(hook)", jsondump.Default(stdHook))
				o.kwargs["hook"] = true
			case 1:
				decoy("Default(hook)", jsondump.Default(stdHook))
				add("Default(nil)", jsondump.Default(nil))
			}
		}
		if r.IntN(10) == 0 {
			add("Option{}", jsondump.Option{}) // the zero Option is no option
		}
	}
	o.desc = strings.Join(desc, ", ")
	return o
}

// stdErrText spells a jsondump error as the Python side does.
func stdErrText(err error) string {
	var te *jsondump.TypeError
	var ve *jsondump.ValueError
	var re *jsondump.RecursionError
	var me *jsondump.MarshalerError
	switch {
	case errors.As(err, &me):
		return fmt.Sprintf("ERR %T: %v", me, me)
	case errors.As(err, &te):
		return "ERR TypeError: " + te.Error()
	case errors.As(err, &ve):
		return "ERR ValueError: " + ve.Error()
	case errors.As(err, &re):
		return "ERR RecursionError: " + re.Error()
	}
	return fmt.Sprintf("ERR %T: %v", err, err)
}

// stdChunkWriter accepts at most n bytes a call.
type stdChunkWriter struct {
	buf bytes.Buffer
	n   int
}

func (w *stdChunkWriter) Write(p []byte) (int, error) {
	k := min(len(p), w.n)
	w.buf.Write(p[:k])
	if k < len(p) {
		return k, io.ErrShortWrite
	}
	return k, nil
}

// stdEntryPoints writes v through Dumps, AppendDumps (into buffers with a
// prefix and sentinel bytes in the spare capacity) and Dump, and reports
// any disagreement between them; it returns Dumps' answer in the Python
// side's spelling.
func stdEntryPoints(t *testing.T, what string, v any, opts []jsondump.Option) string {
	t.Helper()
	s, err := jsondump.Dumps(v, opts...)
	answer := "OK " + hex.EncodeToString([]byte(s))
	if err != nil {
		answer = stdErrText(err)
	}
	// AppendDumps, with a prefix and 0xA5 in the spare capacity.
	for _, spare := range []int{0, 7, len(s) + 64} {
		backing := bytes.Repeat([]byte{0xA5}, 3+spare)
		copy(backing, "PFX")
		dst := backing[:3]
		out, aerr := jsondump.AppendDumps(dst, v, opts...)
		if (aerr == nil) != (err == nil) || (aerr != nil && stdErrText(aerr) != answer) {
			t.Errorf("%s: AppendDumps (spare %d): error %v, Dumps' %v", what, spare, aerr, err)
			continue
		}
		if len(out) < 3 || string(out[:3]) != "PFX" {
			t.Errorf("%s: AppendDumps (spare %d) lost the prefix: %q", what, spare, out[:min(len(out), 8)])
			continue
		}
		if err == nil && string(out[3:]) != s {
			t.Errorf("%s: AppendDumps (spare %d): %q, Dumps: %q", what, spare, out[3:], s)
		}
		if err != nil && !strings.HasPrefix(s, string(out[3:])) && s != "" {
			t.Errorf("%s: AppendDumps (spare %d) after an error: %q", what, spare, out[3:])
		}
		if cap(out) == cap(backing) && &out[:1][0] == &backing[0] {
			for i := len(out); i < len(backing); i++ {
				if backing[i] != 0xA5 {
					t.Errorf("%s: AppendDumps (spare %d) wrote past its result (len %d) at %d: %q", what, spare, len(out), i, backing[len(out):])
					break
				}
			}
		}
	}
	// Dump into a buffer and into a writer that takes a few bytes a call.
	var buf bytes.Buffer
	derr := jsondump.Dump(&buf, v, opts...)
	if (derr == nil) != (err == nil) || (derr != nil && stdErrText(derr) != answer) {
		t.Errorf("%s: Dump: error %v, Dumps' %v", what, derr, err)
	} else if err == nil && buf.String() != s {
		t.Errorf("%s: Dump: %q, Dumps: %q", what, buf.String(), s)
	}
	cw := &stdChunkWriter{n: 5}
	cerr := jsondump.Dump(cw, v, opts...)
	if cerr == nil || len(s) > 0 && err == nil && len(s) <= 5 && cerr != nil {
		if err == nil && len(s) <= 5 && (cerr != nil || cw.buf.String() != s) {
			t.Errorf("%s: Dump to a 5-byte writer: %q, %v", what, cw.buf.String(), cerr)
		}
	} else {
		var we *jsondump.WriteError
		if err == nil && !errors.As(cerr, &we) {
			t.Errorf("%s: Dump to a short writer: %v (%T), want a *WriteError", what, cerr, cerr)
		}
	}
	return answer
}

func TestStdlibTypesPython(t *testing.T) {
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	nsets := 24
	if testing.Short() {
		nsets = 8
	}
	sets := []stdOpts{{desc: "defaults", kwargs: map[string]any{}}}
	for len(sets) < nsets {
		sets = append(sets, stdRandomOpts(r))
	}
	cases := stdCases()
	var in bytes.Buffer
	kws := make([]map[string]any, len(sets))
	for i, s := range sets {
		kws[i] = s.kwargs
	}
	line, _ := json.Marshal(kws)
	in.Write(line)
	in.WriteByte('\n')
	var used []stdCase
	for _, c := range cases {
		if c.reflective && !reflectBuild && c.gen == nil {
			continue
		}
		if c.marshalerErr {
			if _, err := json.Marshal(c.v); err == nil {
				t.Errorf("%s: encoding/json has no error", c.name)
			}
			for _, o := range sets {
				got := stdEntryPoints(t, c.name+" ["+o.desc+"]", c.v, o.opts)
				if !strings.HasPrefix(got, "ERR *jsondumprt.MarshalerError: ") {
					t.Errorf("%s [%s]: %s, want a *MarshalerError", c.name, o.desc, stdShow(got))
				}
			}
			continue
		}
		q := map[string]any{}
		if c.py != "" {
			q["p"] = c.py
			q["lim"] = c.lim
		} else {
			text, err := json.Marshal(c.v)
			if err != nil {
				t.Fatalf("%s: encoding/json: %v", c.name, err)
			}
			q["j"] = string(text)
			q["nk"] = c.numKeys
		}
		line, err := json.Marshal(q)
		if err != nil {
			t.Fatal(err)
		}
		in.Write(line)
		in.WriteByte('\n')
		used = append(used, c)
	}
	want := pyoracle.Lines(pyoracle.Run(t, stdScript, in.Bytes()))
	if len(want) != len(used)*len(sets) {
		t.Fatalf("python3 printed %d lines for %d cases × %d option sets", len(want), len(used), len(sets))
	}
	bad := 0
	for i, c := range used {
		for j, o := range sets {
			w := want[i*len(sets)+j]
			var got string
			if !c.reflective || reflectBuild {
				got = stdEntryPoints(t, c.name+" ["+o.desc+"]", c.v, o.opts)
			}
			if c.gen != nil {
				g, err := c.gen(o.opts)
				gen := "OK " + hex.EncodeToString([]byte(g))
				if err != nil {
					gen = stdErrText(err)
				}
				if got != "" && gen != got {
					t.Errorf("%s [%s]: generated code's functions %s, Dumps %s", c.name, o.desc, stdShow(gen), stdShow(got))
				}
				got = gen
			}
			if got != w {
				bad++
				if bad <= 40 {
					t.Errorf("%s [%s]:\n got %s\nwant %s", c.name, o.desc, stdShow(got), stdShow(w))
				}
			}
		}
	}
	t.Logf("%d values × %d option sets, %d mismatches", len(used), len(sets), bad)
}

// stdShow decodes an "OK <hex>" answer for a message.
func stdShow(s string) string {
	if h, ok := strings.CutPrefix(s, "OK "); ok {
		b, err := hex.DecodeString(h)
		if err == nil {
			if len(b) > 600 {
				return fmt.Sprintf("OK %q…", b[:600])
			}
			return fmt.Sprintf("OK %q", b)
		}
	}
	return s
}
