// Package rt holds the types of TestAdversarialTypes (generator/adversarial_test.go).
package rt

import (
	"encoding/json"
	"image"
	"math/big"
	"net"
	"net/netip"
	"strconv"
	"strings"
	"time"

	"rtmod/ext"
)

// ---- embedding: encoding/json's dominant-field rules

type E1 struct {
	A int
	B int `json:"b"`
}

type E2 struct {
	A int
	B int
}

// Emb1: A conflicts untagged at depth 1 (dropped); "b" and "B" differ.
type Emb1 struct {
	E1
	E2
}

type T1 struct {
	X int `json:"X"`
}

type T2 struct{ X int }

// Emb2: the tagged X wins over the untagged one at the same depth.
type Emb2 struct {
	T2
	T1
}

type T3 struct {
	Y int `json:"n"`
}

type T4 struct {
	Z int `json:"n"`
}

// Emb3: two tagged "n" at one depth: both dropped.
type Emb3 struct {
	T3
	T4
	W int
}

// Emb4: the shallower X wins over the deeper tagged one.
type Emb4 struct {
	T1
	X string
}

// Emb5: embedded pointer, nil or not.
type Emb5 struct {
	*E1
	C int
}

type Mid struct {
	*E1
	M int
}

// Emb6: depth-2 fields through a nil pointer at depth 1.
type Emb6 struct {
	Mid
	D int
}

type inner struct {
	P int
	q int
}

type inner2 struct {
	Q string `json:"q"`
}

// Emb7: embedded unexported struct types promote their exported fields.
type Emb7 struct {
	inner
	*inner2
}

type MyInt int
type myStr string
type MyFloat float64

// Emb8: embedded non-struct named types.
type Emb8 struct {
	MyInt
	myStr
	*MyFloat
}

type Sayer interface{ Say() string }
type sayer interface{ Say() string }

// Word is a named string with generated methods.
type Word string

func (w Word) Say() string { return string(w) }

// Emb9: embedded interfaces.
type Emb9 struct {
	Sayer
	sayer
	N int
}

type MJ struct{ V int }

func (m MJ) MarshalJSON() ([]byte, error) {
	return []byte(`{"mj" : [` + strconv.Itoa(m.V) + `, 1.50, "\u00e9"]}`), nil
}

// Emb10: MarshalJSON promoted through an embedded pointer.
type Emb10 struct {
	*MJ
	Other int
}

type MJ2 struct{ W int }

func (m MJ2) MarshalJSON() ([]byte, error) { return []byte(`"mj2"`), nil }

// Emb11: two MarshalJSON at one depth: neither is promoted.
type Emb11 struct {
	MJ
	MJ2
	Z int
}

type TM struct{ S string }

func (t TM) MarshalText() ([]byte, error) { return []byte("tm:" + t.S), nil }

// Emb12: MarshalText promoted.
type Emb12 struct {
	TM
	K int
}

// Emb13: the shallower MarshalJSON (MJ at depth 1) wins.
type Emb13 struct {
	Emb11
	MJ
}

// Emb14: tagged embedded structs are named fields.
type Emb14 struct {
	E1  `json:"e1"`
	T3  `json:",omitempty"`
	*E2 `json:"e2,omitempty"`
	*T2 `json:"t2"`
}

type Wrap1 struct{ E1 }
type Wrap2 struct{ E1 }

// Emb15: E1 twice at depth 2: its fields cancel.
type Emb15 struct {
	Wrap1
	Wrap2
	Top int
}

type WrapT struct {
	A string `json:"A"`
}
type WrapTT struct{ WrapT }

// Emb16: untagged A at depth 1 beats tagged A at depth 2.
type Emb16 struct {
	WrapTT
	A bool
}

type AliasE1 = E1

// Emb17: an embedded alias.
type Emb17 struct {
	AliasE1
	C int
}

type G[T any] struct {
	Val  T
	Name string
}

// Emb18: an embedded generic instance.
type Emb18 struct {
	G[int]
	Name float32
}

// Emb20: json:"-" on an embedded struct, json:"-," on another.
type Emb20 struct {
	E1 `json:"-"`
	T1 `json:"-,"`
	K  int
}

// Dup: two fields tagged with one name at top level: both dropped.
type Dup struct {
	A int `json:"x"`
	B int `json:"x"`
	C int
}

// Dup2: a tagged "X" beats the untagged X at top level.
type Dup2 struct {
	X int
	Y int `json:"X"`
}

// Self embeds itself through a pointer.
type Self struct {
	*Self
	V int
}

// CycA and CycB embed each other.
type CycA struct {
	*CycB
	X int
}
type CycB struct {
	*CycA
	Y int
}

// ---- tag names

type Tags struct {
	A  int `json:"a-b"`
	B  int `json:"$x"`
	C  int `json:"ü"`
	D  int `json:"a b"`
	E  int `json:"a\"b"`
	F  int `json:"☺"`
	G  int `json:"1"`
	H  int `json:"-,"`
	I  int `json:"-"`
	J  int `json:""`
	K  int `json:",omitempty"`
	L  int `json:"é€"`
	M  int `json:"x\\y"`
	N  int `json:"<&>"`
	O  int `json:"'"`
	P  int `json:"%"`
	Q  int `json:"ǅ"`
	R  int `json:"٣"`
	S  int `json:"Ⅻ"`
	T  int `json:"t" json:"u"`
	U  int `yaml:"w"  json:"w2"`
	Ñe int
	V  int `json:"@[]^_{|}~"`
	W  int `json:"日本"`
	X  int `json:"-,omitempty"`
}

// ---- ,string

type Celsius float32

type Str struct {
	I    int             `json:",string"`
	U8   uint8           `json:",string"`
	F    float64         `json:",string"`
	F32  float32         `json:",string"`
	B    bool            `json:",string"`
	S    string          `json:",string"`
	PI   *int            `json:",string"`
	PN   *int            `json:",string"`
	PP   **int           `json:",string"`
	MI   MyInt           `json:",string"`
	MS   myStr           `json:",string"`
	Sl   []int           `json:",string"`
	Any  any             `json:",string"`
	TM   TM              `json:",string"`
	FNaN float64         `json:",string"`
	OE   int             `json:",omitempty,string"`
	Big  *big.Int        `json:",string"`
	Dur  time.Duration   `json:",string"`
	Up   uintptr         `json:",string"`
	Cel  Celsius         `json:",string"`
	St   E1              `json:",string"`
	PS   *string         `json:",string"`
	Lvl  ext.Level       `json:",string"`
	Map  map[string]int  `json:",string"`
	Neg  int64           `json:"neg,string"`
	PF   *float64        `json:"pf,string,omitempty"`
	Arr  [1]bool         `json:",string"`
	Pair map[string]Word `json:",string"`
	W    Word            `json:",string"`
}

// StrNum: ,string on json.Number.
type StrNum struct {
	Num json.Number `json:",string"`
}

// ---- omitempty

type OE struct {
	Arr0  [0]int          `json:",omitempty"`
	Arr2  [2]int          `json:",omitempty"`
	SlN   []int           `json:",omitempty"`
	SlE   []int           `json:",omitempty"`
	MapN  map[string]int  `json:",omitempty"`
	MapE  map[string]int  `json:",omitempty"`
	P     *int            `json:",omitempty"`
	PZ    *int            `json:",omitempty"`
	I     any             `json:",omitempty"`
	IZ    any             `json:",omitempty"`
	St    struct{}        `json:",omitempty"`
	F     float64         `json:",omitempty"`
	F32   float32         `json:",omitempty"`
	B     bool            `json:",omitempty"`
	S     string          `json:",omitempty"`
	U     uint8           `json:",omitempty"`
	Bytes []byte          `json:",omitempty"`
	MS    myStr           `json:",omitempty"`
	Time  time.Time       `json:",omitempty"`
	Num   json.Number     `json:",omitempty"`
	Raw   json.RawMessage `json:",omitempty"`
	Lvl   ext.Level       `json:",omitempty"`
	Names ext.Names       `json:",omitempty"`
	Words Words           `json:",omitempty"`
	Big   *big.Int        `json:",omitempty"`
	Say   Sayer           `json:",omitempty"`
	Addr  netip.Addr      `json:",omitempty"`
	IP    net.IP          `json:",omitempty"`
	Cel   Celsius         `json:",omitempty"`
	Up    uintptr         `json:",omitempty"`
}

// Words is a named slice with generated methods.
type Words []Word

// ---- omitzero

type ZV struct{ N int }

func (z ZV) IsZero() bool { return z.N == 42 }

type ZP struct{ N int }

func (z *ZP) IsZero() bool { return z.N == 42 }

type Zeroer interface{ IsZero() bool }

type ZI int

func (z ZI) IsZero() bool { return z > 100 }

type OZ struct {
	Arr    [2]int              `json:",omitzero"`
	Arr0   [0]int              `json:",omitzero"`
	SlE    []int               `json:",omitzero"`
	SlN    []int               `json:",omitzero"`
	MapE   map[string]int      `json:",omitzero"`
	St     struct{ A, B int }  `json:",omitzero"`
	ZV     ZV                  `json:",omitzero"`
	ZVP    *ZV                 `json:",omitzero"`
	ZP     ZP                  `json:",omitzero"`
	ZPP    *ZP                 `json:",omitzero"`
	T      time.Time           `json:",omitzero"`
	TP     *time.Time          `json:",omitzero"`
	IZ     Zeroer              `json:",omitzero"`
	F      float64             `json:",omitzero"`
	NaN    float64             `json:",omitzero"`
	Both   []int               `json:",omitempty,omitzero"`
	Any    any                 `json:",omitzero"`
	StF    struct{ F float64 } `json:",omitzero"`
	Nest   struct{ S []int }   `json:",omitzero"`
	ZI     ZI                  `json:",omitzero"`
	ArrZV  [1]ZV               `json:",omitzero"`
	E      E1                  `json:",omitzero"`
	Blank  struct{ _, A int }  `json:",omitzero"`
	ArrSl  [2][]int            `json:",omitzero"`
	Addr   netip.Addr          `json:",omitzero"`
	PtrZ   *int                `json:",omitzero"`
	Str    string              `json:",omitzero"`
	Named  ext.Plain           `json:",omitzero"`
	Lvl    ext.Level           `json:",omitzero"`
	G      ext.Gen             `json:",omitzero"`
	MapArr map[string][2][]int `json:",omitzero"`
	FuncZ  func()              `json:",omitzero"`
}

// ---- map keys

type NamedStr string
type MyBool bool

// Code is a TextMarshaler int key.
type Code int

func (c Code) MarshalText() ([]byte, error) { return []byte("k" + strconv.Itoa(int(c)*int(c))), nil }

// Upper is a named string with MarshalText: as a key, its string is used.
type Upper string

func (u Upper) MarshalText() ([]byte, error) { return []byte(strings.ToUpper(string(u))), nil }

// TKP has MarshalText on its pointer.
type TKP struct{ S string }

func (t *TKP) MarshalText() ([]byte, error) {
	if t == nil {
		return []byte("nilptr"), nil
	}
	return []byte("p:" + t.S), nil
}

type Pt struct{ X, Y int }

type Keys struct {
	I8   map[int8]string
	U64  map[uint64]int
	Uptr map[uintptr]int
	NS   map[NamedStr]int
	B    map[bool]int
	F32  map[float32]int
	F64  map[float64]int
	TK   map[Code]int
	TS   map[Upper]int
	NF   map[MyFloat]int
	NB   map[MyBool]string
	I    map[int]int
	U8   map[uint8]bool
	Str  map[string]int
}

type AnyKeys struct {
	M map[any]string
}

type PtrKeys struct {
	M map[*TKP]int
}

type StructKeys struct {
	M map[Pt]int
}

type ArrKeys struct {
	M map[[2]int]int
}

// ---- marshalers and standard library types

// PR has MarshalJSON on its pointer: called only for addressable values.
type PR struct{ N int }

func (p *PR) MarshalJSON() ([]byte, error) { return []byte(`"pr` + strconv.Itoa(p.N) + `"`), nil }

// PT has MarshalText on its pointer.
type PT struct{ N int }

func (p *PT) MarshalText() ([]byte, error) { return []byte("pt" + strconv.Itoa(p.N)), nil }

// Holder holds PR and PT by value.
type Holder struct {
	P PR
	T PT
}

type PRArr [1]PR

type Mar struct {
	Raw   json.RawMessage
	RawN  json.RawMessage
	Num   json.Number
	T     time.Time
	TP    *time.Time
	MJ    MJ
	MJP   *MJ
	Big   *big.Int
	BigV  big.Int
	Addr  netip.Addr
	AddrZ netip.Addr
	Dur   time.Duration
	IP    net.IP
	IPN   net.IP
	Img   image.Point
	Rect  image.Rectangle
	PR    PR
	PRP   *PR
	PT    PT
	HMap  map[string]Holder
	HSl   []Holder
	HArr  [1]Holder
	MapPR map[string]PR
	MapPT map[string]PT
	MapA  map[string]PRArr
	MapA2 map[string][1]PR
	SlPR  []PR
	PM    *Mar `json:",omitempty"`
}

type RawE struct{ R json.RawMessage }
type NumE struct{ N json.Number }

// BadMJ writes invalid JSON.
type BadMJ struct{ S string }

func (b BadMJ) MarshalJSON() ([]byte, error) { return []byte(b.S), nil }

type HasBad struct{ B BadMJ }

// ---- any

type AnyF struct {
	V any
}

// ---- numbers and strings

type Nums struct {
	F32 []float32
	F64 []float64
	I   []int64
	U   []uint64
	Cel []Celsius
	MF  []MyFloat
	I8  [3]int8
}

type Strs struct {
	S  []string
	M  map[string]string
	B  []byte
	BN []byte
	Bl Blob
	MB []MyByte
	BA [3]byte
	MJ []MJB
}

type Blob []byte
type MyByte uint8

// MJB is a byte with MarshalJSON: a []MJB is an array.
type MJB byte

func (b MJB) MarshalJSON() ([]byte, error) { return []byte(`"b` + strconv.Itoa(int(b)) + `"`), nil }

// ---- recursion, pointer chains, arrays

type Node struct {
	V    int
	Next *Node            `json:",omitempty"`
	Kids []Node           `json:",omitempty"`
	M    map[string]*Node `json:",omitempty"`
	A    any              `json:",omitempty"`
}

type Ptrs struct {
	P3  ***int
	P2  **string
	PN  **int
	A0  [0]int
	A0S [0]struct{ X int }
	A30 [3][0]int
	PA  *[2]*int
}

// ---- generics

type Pair[K comparable, V any] struct {
	Key K `json:"k"`
	Val V `json:"v"`
}

type GenUse struct {
	P  Pair[string, float32]
	Q  Pair[int, []Pair[bool, *int]]
	M  map[string]Pair[Word, any]
	B  ext.Box[float32]
	BC ext.Box[Celsius]
	BW ext.Box[Word]
}

type GenArr struct {
	B ext.Box[[2]int]
}

// ---- unsupported kinds

type Unsup struct {
	C   complex128
	Ch  chan int
	Fn  func()
	C64 complex64 `json:",omitempty"`
	OK  int
}

// ---- roots that are not structs

type Dict map[string]any
type Grid [2][2]float32

// Root has its own MarshalJSON through a pointer receiver.
type Root struct{ A int }

func (r *Root) MarshalJSON() ([]byte, error) { return []byte(`[1,{"z":1.0,"a":[]}]`), nil }

// RootT has MarshalText.
type RootT struct{ A int }

func (r RootT) MarshalText() ([]byte, error) { return []byte("ü<>"), nil }

// ---- addressability of map values

type HolderMap struct{ M map[string]Holder }
type PRArrMap struct{ M map[string]PRArr }
type PRMap struct {
	M map[string]PR
	T map[string]PT
	A map[string][1]PR
	S map[string][]PR
}
type NilIP struct{ A, B net.IP }

// GPR is generic with a field of fixed type whose MarshalJSON is on the
// pointer: written by its fields where the value is not addressable (in an
// any), through the method where it is (through *GPR).
type GPR[T any] struct {
	A PR
	B T
}

// GW is generic; the instantiation GW[PR], written here, is what makes its
// value written differently from its pointer.
type GW[T any] struct{ A T }

// UseGW writes GW[PR].
type UseGW struct{ X GW[PR] }

// L2 and GL: a generic field of a generic type whose own fixed field has a
// pointer-receiver MarshalJSON.
type L2[T any] struct {
	P PR
	X T
}

type GL[T any] struct {
	L L2[T]
	Q PR
}

// UseExt uses generic types of ext: one with hand-written methods, one
// whose fields cannot be named here.
// PtrLink points at a type of another package that has generated methods
// and reaches itself.
type PtrLink struct {
	L    *ext.Link
	Back *PtrLink
}

type UseExt struct {
	C ext.Custom[int]
	B ext.Box3[int]
}

// UseExt2 uses ext's generic types whose fields cannot be written here.
type UseExt2 struct {
	P ext.GP[int]
	T ext.GT[int]
	Z ext.GZ[int]
}
