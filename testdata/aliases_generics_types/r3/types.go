// Package r3 holds the types of TestAliasesGenerics
// (generator/aliases_generics_test.go): unusual but valid Go.
package r3

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unsafe"

	"rtmod3/gx"
)

var _ = errors.New

// ---- aliases

type Base struct {
	A int
	B string `json:"b"`
}

type AliasBase = Base
type AliasGen = gx.Pair[string, int]
type AliasExt = gx.Plain
type AliasInt = int
type AliasMap = map[string][]int
type aliasLower = Base
type aliasInt = int
type AliasPtr = *Base

// GAlias is a generic alias (Go 1.24).
type GAlias[T any] = gx.Box[T]

type UsesAliases struct {
	AB AliasBase
	AG AliasGen
	AE AliasExt
	GA GAlias[float32]
	AI AliasInt
	AM AliasMap
	PA AliasPtr
	SA []AliasBase
	MA map[string]GAlias[AliasInt]
}

// EmbAliases embeds aliases: a basic one keeps the alias's name, an
// unexported one of a struct promotes its fields, an unexported one of a
// basic type is left out.
type EmbAliases struct {
	AliasInt
	aliasLower
	aliasInt
	C int
}

// EmbAliasGen embeds an alias of a generic instance and a generic alias
// instance (the field names are the aliases').
type EmbAliasGen struct {
	AliasGen
	Z int `json:"z"`
}

type EmbGAlias struct {
	GAlias[string]
	W int
}

// EmbAliasTagged: a tagged embedded alias is an ordinary named field.
type EmbAliasTagged struct {
	AliasBase `json:"ab"`
	AliasExt  `json:"ae,omitempty"`
}

// ---- generics

type Num interface{ ~int | ~int64 | ~float64 }

type Stats[N Num] struct {
	Min N   `json:"min"`
	Max N   `json:"max"`
	All []N `json:"all"`
}

type Tri[A any, B comparable, C fmt.Stringer] struct {
	A A
	B map[B]A
	C C
}

// Shower is a constraint with a method and a union.
type Shower interface {
	~string | ~int
	Show() string
}

type Show[S Shower] struct {
	S S `json:"s"`
}

type Sh string

func (s Sh) Show() string { return "sh:" + string(s) }

type Dur int64

func (d Dur) String() string { return strconv.FormatInt(int64(d), 10) + "d" }

type LList[T any] struct {
	V    T         `json:"v"`
	Next *LList[T] `json:"next"`
}

type LSet[K comparable] map[K]struct{}

type Matrix[T any] [2][2]T

type Tree[K comparable, V any] struct {
	Val  V                 `json:"val"`
	Kids map[K]*Tree[K, V] `json:"kids,omitempty"`
	Path []gx.Pair[K, *V]  `json:"path,omitempty"`
}

type Key string
type Lvl int
type Pct float32

// The UG types use generics of this and another package with local named
// types (Key, Lvl, Pct: not generated) as type arguments, one field each.
type UGL struct{ L LList[Key] }
type UGS struct{ S LSet[Key] }
type UGM struct{ M Matrix[Lvl] }
type UGT struct{ T Tree[Lvl, Key] }
type UGSt struct{ St Stats[Lvl] }
type UGTr struct{ Tr Tri[Key, Lvl, Dur] }
type UGSh struct{ Sh Show[Sh] }
type UGGS struct{ GS gx.Set[Key] }
type UGGB struct{ GB gx.Box[Lvl] }
type UGGBK struct{ GB gx.Box[Key] }
type UGGP struct{ GP gx.Pair[Key, Pct] }
type UGGL struct{ GL gx.List[gx.Box[Key]] }
type UGGSq struct{ GSq gx.Seq[Lvl] }
type UGGG struct {
	GG gx.Box[gx.Pair[string, gx.Seq[int]]]
}
type UGJ struct{ J gx.Joined[Key] }

// UsesGenBasic uses the same generics with predeclared type arguments.
type UsesGenBasic struct {
	GS gx.Set[string]
	GI gx.Set[int]
	GB gx.Box[int]
	GP gx.Pair[float64, bool]
	GL gx.List[string]
	NB gx.Box[gx.Box[gx.Box[int]]]
}

// DupGen embeds two generics with the same JSON name "v": both dropped.
type DupGen struct {
	gx.Box[int]
	gx.Cell[string]
	X int
}

// DupGen2: the same, one level down for one of them: the shallower wins.
type DupGen2 struct {
	gx.Box[int]
	Wrap
}

type Wrap struct {
	gx.Cell[string]
}

// ---- struct{} , arrays, pointers

type Empties struct {
	E  struct{}
	PE *struct{}
	ME map[string]struct{}
	SN []Nothing
	AN [2]Nothing
	NE Nothing
	MS map[string][]map[string]struct{}
}

type Nothing struct{}

type Arrays struct {
	AA   [2][3]int
	BA   [4]byte
	NBA  [2]NamedByte
	Z    [0]int
	ZS   [3][0]string
	Huge [300]int
	BB   [2][2]byte
	PBA  *[3]byte
	SBA  [][2]byte
}

type NamedByte byte

type Ptrs struct {
	PPS **[]int
	MMS map[string]map[int][]*float64
	PM  *map[string]*[]string
	SPP []**int
}

// ---- unsupported kinds as named types

type Handler func(int) error
type Pipe chan string

type Funcs struct {
	H  Handler
	P  Pipe
	U  unsafe.Pointer
	OK int
}

// ---- tags

type Tags struct {
	A                                                                                                                                                                                                               int     `json:"a,foo,omitempty"`
	B                                                                                                                                                                                                               int     `json:",omitempty,omitempty"`
	C                                                                                                                                                                                                               int     `json:"c,string,string"`
	D                                                                                                                                                                                                               int     `json:"d, omitempty"`
	E                                                                                                                                                                                                               int     `json:"e,omitEmpty"`
	F                                                                                                                                                                                                               int     `json:"f,"`
	G                                                                                                                                                                                                               float64 `json:"g,omitempty,string"`
	H                                                                                                                                                                                                               string  `json:"h,string,omitempty"`
	I                                                                                                                                                                                                               int     `json:"i,omitzero,omitempty"`
	J                                                                                                                                                                                                               int     `json:"j,,omitempty"`
	K                                                                                                                                                                                                               int     `json:",string"`
	L                                                                                                                                                                                                               int     `json:"l" xml:"x,attr" json2:"zz"`
	M                                                                                                                                                                                                               int     `yaml:"m" json:"m2,omitempty"`
	N                                                                                                                                                                                                               int     `json:"n,string"json:"other"`
	ThisIsAVeryLongFieldNameThatGoesOnAndOnAndOnForeverAndEverBecauseSomeCodeGeneratorsProduceSuchNamesWithoutAnyRestraintWhatsoeverAndStillItIsAPerfectlyValidGoIdentifierAccordingToTheSpecificationOfTheLanguage int
	O                                                                                                                                                                                                               int `json:"this-is-an-extremely-long-json-name-produced-by-some-schema-tool-that-flattens-nested-paths-into-one-key-with-dashes-and-it-keeps-going-for-a-very-long-time-indeed-so-that-it-exceeds-two-hundred-and-fifty-six-characters-which-is-a-boundary-some-buffers-may-have-xxxxxxxxxxxxxxxxxxx"`
}

// ---- marshalers mixed

// MixTJ has MarshalText on the value and MarshalJSON on the pointer.
type MixTJ struct{ N int }

func (m MixTJ) MarshalText() ([]byte, error) { return []byte("t" + strconv.Itoa(m.N)), nil }
func (m *MixTJ) MarshalJSON() ([]byte, error) {
	return []byte("[" + strconv.Itoa(m.N) + "]"), nil
}

// MixJT has MarshalJSON on the value and MarshalText on the pointer.
type MixJT struct{ N int }

func (m MixJT) MarshalJSON() ([]byte, error)  { return []byte(`{"j": ` + strconv.Itoa(m.N) + `}`), nil }
func (m *MixJT) MarshalText() ([]byte, error) { return []byte("never"), nil }

type Mixes struct {
	TJ  MixTJ
	PTJ *MixTJ
	MTJ map[string]MixTJ
	STJ []MixTJ
	ATJ [1]MixTJ
	KTJ map[MixTJ]int
	JT  MixJT
	MJT map[string]MixJT
	ITJ any
}

// MixKeys has a struct key whose MarshalText is on the pointer only.
type MixKeys struct {
	KJT map[MixJT]int
}

// Weird is a MarshalJSON returning JSON with odd whitespace or comments.
type Weird struct{ S string }

func (w Weird) MarshalJSON() ([]byte, error) { return []byte(w.S), nil }

type HasWeird struct {
	W Weird
}

// Attrs is a map with MarshalText.
type Attrs map[string]string

func (a Attrs) MarshalText() ([]byte, error) {
	keys := make([]string, 0, len(a))
	for k := range a {
		keys = append(keys, k)
	}
	for i := range keys {
		for j := i + 1; j < len(keys); j++ {
			if keys[j] < keys[i] {
				keys[i], keys[j] = keys[j], keys[i]
			}
		}
	}
	var b strings.Builder
	for _, k := range keys {
		b.WriteString(k + "=" + a[k] + ";")
	}
	return []byte(b.String()), nil
}

// CSV is a slice with MarshalText.
type CSV []string

func (c CSV) MarshalText() ([]byte, error) { return []byte(strings.Join(c, ",")), nil }

// IP4 is an array with MarshalText, usable as a map key.
type IP4 [4]byte

func (ip IP4) MarshalText() ([]byte, error) {
	return []byte(fmt.Sprintf("%d.%d.%d.%d", ip[0], ip[1], ip[2], ip[3])), nil
}

// Bytes2 is a named []byte with MarshalText on the value.
type Bytes2 []byte

func (b Bytes2) MarshalText() ([]byte, error) { return []byte("b2:" + string(b)), nil }

// TBytes is a byte kind with MarshalText: a slice of it is a list.
type TByte byte

func (b TByte) MarshalText() ([]byte, error) { return []byte{'x', byte(b)}, nil }

type TextColl struct {
	A   Attrs
	C   CSV
	IP  IP4
	KIP map[IP4]string
	B2  Bytes2
	TB  []TByte
	MA  map[string]Attrs
}

// ---- errors in any

type MyErr struct {
	Code int `json:"code"`
}

func (e MyErr) Error() string { return "my" }

type Errs struct {
	A any
	E error
	L []error
}

// UGX uses generics of another package with type arguments the dynamic
// path does not know: a pointer, a slice of float32, an array.
type UGX struct {
	P *gx.Box[*int]      `json:"p,omitempty"`
	F *gx.Box[[]float32] `json:"f,omitempty"`
	A *gx.Box[[2]int]    `json:"a,omitempty"`
	I *gx.Box[int16]     `json:"i,omitempty"`
}

// ---- unnamed func, chan and interface types inside maps and type arguments:
// generated code spells them (a map's function parameter, an instantiation).

type Shout string

func (Shout) Shout() string { return "!" }

type UnnamedKinds struct {
	MC map[string]chan int
	MF map[string]func(int, ...string) (string, error)
	MI map[string]interface{ Shout() string }
	MR map[string]chan (<-chan int)
	MS map[string]<-chan chan<- int
	GF gx.Box[func()]
	GI gx.Box[interface{ Shout() string }]
	MG map[string]gx.Box[func(...int)]
	OK int
}
