// Package r2 holds the types of TestKeysCyclesStdlib (generator/keys_cycles_stdlib_test.go).
package r2

import (
	"database/sql"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"net"
	"net/netip"
	"net/url"
	"regexp"
	"strconv"
	"time"
)

// ---- map keys with MarshalText on the pointer or the value

// PK is an int key with MarshalText on its pointer: keys are not
// addressable, so encoding/json writes the int.
type PK int

func (p *PK) MarshalText() ([]byte, error) { return []byte("pk" + strconv.Itoa(int(*p))), nil }

// PKS is a struct key with MarshalText on its pointer: not a key at all.
type PKS struct{ A int }

func (p *PKS) MarshalText() ([]byte, error) { return []byte("pks"), nil }

// VKS is a struct key with MarshalText on its value.
type VKS struct{ A, B int }

func (v VKS) MarshalText() ([]byte, error) { return []byte(fmt.Sprintf("%d/%d", v.A, v.B)), nil }

// EK fails MarshalText for negative values.
type EK int

func (k EK) MarshalText() ([]byte, error) {
	if k < 0 {
		return nil, errors.New("negative key")
	}
	return []byte("e" + strconv.Itoa(int(k))), nil
}

// FK is a float key with MarshalText.
type FK float64

func (f FK) MarshalText() ([]byte, error) {
	return []byte("f" + strconv.FormatFloat(float64(f), 'g', -1, 64)), nil
}

// BK is a bool key with MarshalText.
type BK bool

func (b BK) MarshalText() ([]byte, error) {
	if b {
		return []byte("yes"), nil
	}
	return []byte("no"), nil
}

// SK is a named string key with MarshalText on its pointer (a string key:
// its text is never asked for).
type SK string

func (s *SK) MarshalText() ([]byte, error) { return []byte("sk"), nil }

// UK is a text key whose texts need escaping and sort differently from the values.
type UK uint8

func (u UK) MarshalText() ([]byte, error) { return []byte(string(rune(0x10000 - int(u)))), nil }

type Keys2 struct {
	PK  map[PK]string
	VKS map[VKS]int
	EK  map[EK]int
	FK  map[FK]int
	BK  map[BK]int
	SK  map[SK]int
	UK  map[UK]int
	TM  map[encoding.TextMarshaler]int
	TT  map[time.Time]int
	AK  map[netip.Addr]string
}

// KeysP has a key type that encoding/json refuses.
type KeysP struct {
	PKS map[PKS]int
}

// ---- map[any] with mixed kinds

type AnyMap struct {
	M map[any]int
}

// AnyAny is a root map type with interface keys and values.
type AnyAny map[any]any

// ---- map values holding generated types and marshalers

// PR has MarshalJSON on its pointer.
type PR struct{ N int }

func (p *PR) MarshalJSON() ([]byte, error) { return []byte(`"pr` + strconv.Itoa(p.N) + `"`), nil }

// VR has MarshalJSON on its value.
type VR struct{ N int }

func (v VR) MarshalJSON() ([]byte, error) { return []byte(`{"vr": ` + strconv.Itoa(v.N) + `}`), nil }

// NilMJ has a MarshalJSON on its pointer that writes a nil pointer too:
// encoding/json calls it for a nil *NilMJ held in a json.Marshaler field
// or element, and writes null for one held in an any.
type NilMJ struct{ N int }

func (p *NilMJ) MarshalJSON() ([]byte, error) {
	if p == nil {
		return []byte(`"nil-mj"`), nil
	}
	return []byte(`"mj` + strconv.Itoa(p.N) + `"`), nil
}

// NilTM is NilMJ for MarshalText.
type NilTM struct{ N int }

func (p *NilTM) MarshalText() ([]byte, error) {
	if p == nil {
		return []byte("nil-tm"), nil
	}
	return []byte("tm" + strconv.Itoa(p.N)), nil
}

// HP holds a PR in place: written differently when not addressable.
type HP struct {
	P PR
	V VR
}

type MapVals struct {
	Any   map[string]any
	Arr   map[string][2]PR
	ArrV  map[string][2]VR
	ArrH  map[string][1]HP
	Anon  map[string]struct{ P PR }
	PArr  map[string]*[1]PR
	Slice map[string][]HP
	Nest  map[string]map[string]HP
	IfMJ  map[string]json.Marshaler
	Err   map[string]error
	Str   map[string]fmt.Stringer
}

// ---- recursion

type Tree struct {
	Name string  `json:"name"`
	Kids []*Tree `json:"kids,omitempty"`
	Up   *Tree   `json:"up,omitempty"`
	Any  any     `json:"any,omitempty"`
}

// Ring: a struct holding a struct holding a pointer back.
type Ring struct {
	In RingIn
}

type RingIn struct {
	Back *Ring
	Self *RingIn
}

// ---- floats and big numbers

type Floats struct {
	F64 float64
	F32 float32
	Arr [2]float64
	M   map[string]float32
	MK  map[float64]int
	P   *float64
}

type Bigs struct {
	B   *big.Int
	BV  big.Int
	BS  []*big.Int
	BM  map[string]*big.Int
	BF  big.Float
	BFP *big.Float
	BR  big.Rat
	BRP *big.Rat
}

// ---- standard library types

type Std struct {
	Dur   time.Duration
	DurP  *time.Duration
	T     time.Time
	TP    *time.Time
	IP    net.IP
	IPNet net.IPNet
	HW    net.HardwareAddr
	Addr  netip.Addr
	Pfx   netip.Prefix
	AP    netip.AddrPort
	URL   url.URL
	URLP  *url.URL
	NS    sql.NullString
	NI    sql.NullInt64
	NT    sql.Null[int]
	Re    regexp.Regexp
	ReP   *regexp.Regexp
	Num   json.Number
	Err   error
	Month time.Month
	Wd    time.Weekday
	Loc   *time.Location
}

type StdMaps struct {
	Re  map[string]regexp.Regexp
	BF  map[string]big.Float
	T   map[string]time.Time
	U   map[string]url.URL
	Num map[string]json.Number
}

type NumOnly struct{ N json.Number }

// ---- named basic kinds as roots

type NBool bool
type NInt8 int8
type NInt16 int16
type NInt32 int32
type NInt64 int64
type NInt int
type NUint uint
type NUint8 uint8
type NUint16 uint16
type NUint32 uint32
type NUint64 uint64
type NUintptr uintptr
type NF32 float32
type NF64 float64
type NStr string
type NBytes []byte
type NRune rune

// ---- roots that are maps, slices, arrays

type IntMap map[int]string
type FloatMap map[float32]NStr
type PtrArr [3]*Tree
type AnySlice []any
type Empty0 [0]int
type BoolMap map[bool]*NF32
type TextMap map[VKS]any

// ---- interface fields holding typed nil pointers

type Sayer interface{ Say() string }

func (t *Tree) Say() string { return t.Name }

type Ifaces struct {
	A  any
	S  Sayer
	M  json.Marshaler
	T  encoding.TextMarshaler
	E  error
	AS []any
	AM map[string]any
}

// ---- unsupported values and the Default hook

type Unsup2 struct {
	C   complex128
	C64 complex64
	Ch  chan int
	Fn  func() `json:",omitzero"`
	CS  []complex128
	CM  map[string]complex64
	A   any
	Up  *complex128
}

// ---- unicode identifiers, keyword-like tags, big structs, deep anonymous nesting

type Ünï struct {
	Ñame  string `json:"ñ"`
	Δ     int
	日本    bool
	Func  int `json:"func"`
	Type  int `json:"type,omitempty"`
	Range int `json:"range"`
	Map   int `json:"map"`
	Go    int `json:"go"`
	Nil   int `json:"nil"`
	True_ int `json:"true"`
	Null  int `json:"null"`
	Dash  int `json:"-,"`
	Empty int `json:",omitempty"`
	Q     int `json:"\"q\""`
	Back  int `json:"a\\b"`
}

type Deep struct {
	A struct {
		B struct {
			C struct {
				D []struct {
					E map[string]struct {
						F *struct {
							G [2]struct {
								H any `json:"h,omitempty"`
								I int `json:"i,string"`
							}
						}
					}
				}
			}
		} `json:"b"`
	}
}
