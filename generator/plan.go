package generator

import (
	"fmt"
	"go/token"
	"strings"
)

// The plan is a small IR of the types to encode, decided once from go/types
// (plan_*.go) and printed by emit*.go, which never looks at go/types.

// A filePlan is everything one generated file needs.
type filePlan struct {
	PkgPath string
	PkgName string
	Build   string       // the //go:build expression of the -types' files, or ""
	Roots   []*namedType // the -type types, in flag order
	Named   []*namedType // every named type that gets an encode function, in plan order
	Keys    []*fieldPlan // one field per distinct JSON key, in order of first use (KeyVar names its variable)
	Guards  []*guardPlan // the types whose declarations the file depends on, in plan order
	Names   fileNames
	Imports []importName // every package the file may name, by path
	Warns   []Diagnostic

	// shadowed are the predeclared names generated code may use (string,
	// len, int64) that the package declares, hiding Go's: Generate
	// reports those the file uses.
	shadowed map[string]token.Position

	// awaited are the types of other packages written through the
	// JSONDumpEncode method that a go:generate line there promises and
	// has not written yet ("models.User"); typeCheck tolerates its absence.
	awaited []string
}

// A fileNames holds the identifiers a generated file declares inside its
// functions, chosen so that none is a name of the user's package (or a type
// parameter, or an import of the file) that they would shadow: "e" unless
// the package declares e, and so on. Index, MapVal and ZeroIdx are prefixes,
// followed by the nesting depth (i0, v1, z0).
type fileNames struct {
	Enc     string // the *jsondumprt.Encoder: e
	Val     string // an encode function's pointer, the methods' receiver: v
	Arg     string // JSONDumpEncode's argument: x
	Switch  string // the type switch's variable: p
	Writer  string // Dump's io.Writer: w
	Dst     string // AppendDumps's buffer: dst
	Opts    string // the options: opts
	Mark    string // ,string's start in the buffer: mark
	Index   string // slice and array indexes: i0, i1, ...
	MapVal  string // map values: v1, v2, ...
	ZeroIdx string // omitzero's element indexes: z0, z1, ...
	Got     string // a layout guard's value of the type: x
	Want    string // a layout guard's value of the spelled layout: y
	Diff    string // a layout guard's difference of sizes or offsets: d
}

// An importName is the name under which the generated file imports a
// package: the package's own name unless the user's package declares that
// name (or another import took it), then that name with "_" appended.
type importName struct {
	Path, Name string
	Alias      bool // Name is not the package's own name: written as an alias
}

// A guardPlan makes the generated file fail to compile once the declaration
// of a type it writes field by field (or by its kind) changed, with the
// alias name Hint in the compiler's message, the way stringer's
// _ = x[A-0] fails once a constant changed:
//
//	func _() {
//		type Hint = struct{ A int `json:"a"` } // guardAssign: fields, order, types, tags
//		var _ Hint = T{}
//	}
//
//	func _() { type Hint = float64; _ = (*Hint)((*T)(nil)) } // guardConvert: a basic kind
//
// guardLayout, for a struct with fields the package cannot spell (the
// unexported fields of another package), compares the sizes and the
// field offsets with those of Layout, and the types of the fields it
// can name.
type guardPlan struct {
	Form       guardForm
	Type       *typeExpr   // T, with its type parameters for a generic type
	TypeParams []typeParam // a generic type's, for a generic guard function
	Hint       string      // the local alias, e.g. jsondumpgen_T_changed__run_go_generate
	Under      *typeExpr   // guardAssign, guardConvert: T's underlying type, spelled
	Nil        bool        // guardAssign: T's zero value is T(nil), not T{}
	Layout     *typeExpr   // guardLayout: a struct of T's size and field offsets
	Fields     []guardField
}

// A guardForm is how a guardPlan checks its type.
type guardForm int

const (
	guardAssign guardForm = iota
	guardConvert
	guardLayout
)

// A guardField is a field of a guardLayout that generated code can name:
// its offset is compared with the layout's, and its type, when spelled,
// with the type generation saw.
type guardField struct {
	Name string
	Type *typeExpr // nil when it cannot be spelled here
}

// A namedType is a named type with its own encode function.
type namedType struct {
	Name     string     // Go name in the package, e.g. "Employee"
	TypeName string     // %T spelling, e.g. "main.Employee"
	Func     string     // encode function, e.g. "_jsondump_Employee"
	Root     bool       // named to -type: gets the exported methods
	Value    *valuePlan // how its underlying type is written
	Cyclic   bool       // *T reaches itself: a *T is checked for cycles
	Type     *typeExpr

	// AnyFunc is a -type's function behind its methods: it writes a T,
	// a *T or a jsondumprt.Value[T] held in an any, and reports false for
	// anything else (a type that embeds T, to which Go promoted the method).
	// A T value, which must be copied out of the any, is left to
	// AnyValueFunc, so that AnyFunc's frame holds no T: it is on the stack
	// at every level of a *T nested through any. HeapCopy says that the
	// copy goes to the heap, for a T too large to copy onto the stack at
	// every level of such nesting (or of a size unknown: a generic T).
	AnyFunc      string
	AnyValueFunc string
	HeapCopy     bool

	// SizeVar is a -type's jsondumprt.SizeHint, through which its Dumps
	// allocates its result once.
	SizeVar string

	// NotAddr says the function writes a T that is not addressable (a map
	// value, a T held in an any): pointer-receiver MarshalJSON and
	// MarshalText methods do not count, as in encoding/json. Such a variant
	// exists only for the types that pointer methods make differ
	// (planner.addrSensitive); ValueVariant is a -type's, which its
	// AnyFunc calls for a T that is not addressable.
	NotAddr      bool
	ValueVariant *namedType

	// ElemFunc is the name kept for a package-level function that writes
	// a T value by Func, which emit writes when a map's values use it
	// (needElem): a function literal there would keep the value on the
	// heap for a type that reaches itself (see emitMap).
	ElemFunc string
	needElem bool

	// Lock says that T holds a lock, as go vet's copylocks sees one: a
	// type whose pointer has Lock and Unlock (sync.Mutex, the sync/atomic
	// types), in place, through struct fields and arrays. Generated code
	// never copies such a value: JSONDumpEncode has a pointer receiver
	// (so a T in an any is not Encodable), and there is no ElemFunc.
	Lock bool

	// A generic -type: its type parameters, and the specialized namedType of
	// each instantiation the package writes, which its encode function
	// dispatches to.
	TypeParams []typeParam
	Instances  []*namedType

	seq int // plan order
}

// A kind says how a value is written.
type kind int

// The kinds of valuePlan, each written by one Encoder method or emitted pattern.
const (
	kindBool        kind = iota // bool kinds: e.Bool
	kindInt                     // signed integer kinds: e.Int
	kindUint                    // unsigned integer kinds: e.Uint
	kindFloat32                 // e.Float32
	kindFloat64                 // e.Float64
	kindString                  // string kinds: e.String
	kindBytes                   // []byte and slices of byte kinds: base64
	kindBigInt                  // *big.Int (Addr: a big.Int value)
	kindPointer                 // Elem
	kindSlice                   // Elem
	kindArray                   // Elem
	kindMap                     // Key, Elem
	kindStruct                  // Fields
	kindAny                     // an interface: the dynamic path
	kindMarshaler               // json.Marshaler (Addr: through the pointer)
	kindTextMarshal             // encoding.TextMarshaler (Addr: through the pointer)
	kindRawMessage              // json.RawMessage
	kindNumber                  // json.Number
	kindUnsupported             // chan, func, complex: the Default hook
	kindRef                     // a named type: call its encode function
	kindEncodable               // a type with its own JSONDumpEncode method (Addr: addressable)
	kindDict                    // jsondump.Dict (jsondumprt.Dict): e.Dict, a dict in insertion order
)

var kindNames = [...]string{"Bool", "Int", "Uint", "Float32", "Float64", "String", "Bytes", "BigInt",
	"Pointer", "Slice", "Array", "Map", "Struct", "Any", "Marshaler", "TextMarshal", "RawMessage",
	"Number", "Unsupported", "Ref", "Encodable", "Dict"}

// String returns the kind's name.
func (k kind) String() string { return kindNames[k] }

// A mapKeyKind says which runtime map function writes a map.
type mapKeyKind int

const (
	keyString      mapKeyKind = iota // EncodeStringMap
	keyInt                           // EncodeIntMap
	keyUint                          // EncodeUintMap
	keyFloat64                       // EncodeFloat64Map
	keyFloat32                       // EncodeFloat32Map
	keyBool                          // EncodeBoolMap
	keyText                          // EncodeTextMap
	keyTextOrdered                   // EncodeTextMapOrdered: a TextMarshaler of an ordered kind
	keyAny                           // EncodeAnyMap: an interface key type
)

// A valuePlan is how one Go value is written.
type valuePlan struct {
	Kind     kind
	Type     *typeExpr    // the Go type, for spelling it (map value funcs, conversions)
	TypeName string       // %T spelling, for error messages and cycle identities
	Addr     bool         // Marshaler, TextMarshal, BigInt: call through &x
	Lock     bool         // the type holds a lock (see namedType.Lock): never copied
	Quoted   bool         // ,string: write the text as a JSON string
	Check    bool         // Pointer, Slice, Map: check for cycles
	MapKey   mapKeyKind   // Map
	Elem     *valuePlan   // Slice, Array, Pointer, Map values; nil otherwise
	Fields   []*fieldPlan // Struct, in output order
	Sorted   []*fieldPlan // Struct: the fields by JSON name, when that order differs
	Ref      *namedType   // Ref: call this type's encode function instead of inlining
}

// An emptyTest says how omitempty tests a field (encoding/json's isEmptyValue).
type emptyTest int

const (
	emptyNever   emptyTest = iota // struct: never empty
	emptyLen                      // string, slice, map, array: len 0
	emptyFalse                    // bool
	emptyZero                     // numbers: == 0 (so -0.0 is empty)
	emptyNil                      // pointer, interface
	emptyDynamic                  // a type parameter: jsondumprt.IsEmptyValue
)

// A zeroMode says how omitzero tests a field.
type zeroMode int

const (
	zeroNone        zeroMode = iota // no omitzero
	zeroMethod                      // x.IsZero()
	zeroNilOrMethod                 // x == nil || x.IsZero()
	zeroIfaceMethod                 // x == nil || x holds a nil pointer || x.IsZero()
	zeroCompare                     // jsondumprt.IsZero(x)
	zeroNil                         // x == nil
	zeroFields                      // every field zero (Test.Fields)
	zeroElems                       // every element zero (Test.Elem)
	zeroDynamic                     // a type parameter: jsondumprt.IsZeroValue (Test.Type)
)

// A zeroSpec is reflect.Value.IsZero spelled out for one type, for
// omitzero on a type that == cannot test: a struct or array that is not
// comparable.
type zeroSpec struct {
	Kind   zeroMode    // ZeroCompare, ZeroNil, ZeroFields, ZeroElems, ZeroDynamic
	Fields []zeroField // ZeroFields
	Elem   *zeroSpec   // ZeroElems
	Type   *typeExpr   // ZeroDynamic: the type parameter, for its zero value
}

// A zeroField is one field of a zeroFields test.
type zeroField struct {
	Name string
	Test *zeroSpec
}

// A pathStep is one selector of a field's path; Ptr when it goes through an
// embedded pointer, which is skipped with its fields when nil. Hidden marks
// an unexported embedded struct of another package, which generated code
// cannot name: the selector leaves it out and reaches the next field by
// promotion (planning checks that it is the same field).
type pathStep struct {
	Name   string
	Ptr    bool
	Hidden bool
}

// A fieldPlan is one member of the JSON object written for a struct.
type fieldPlan struct {
	Path      []pathStep // selector path, e.g. {Base, ID} for a promoted field
	Name      string     // JSON name
	KeyASCII  string     // `"` + name + `"` as written with ensure_ascii=True
	KeyUTF8   string     // `"` + name + `"` as written with ensure_ascii=False
	KeyVar    string     // the package-level jsondumprt.FieldKey, named by emit
	OmitEmpty emptyTest  // ,omitempty (EmptyNever without it)
	Type      *typeExpr  // the field's type, for EmptyDynamic and ZeroDynamic
	HasEmpty  bool       // ,omitempty given
	OmitZero  zeroMode   // ,omitzero
	ZeroTest  *zeroSpec  // OmitZero ZeroFields or ZeroElems
	Value     *valuePlan
	Pos       token.Position // the field's declaration
}

// A typeExpr spells a Go type in generated code.
type typeExpr struct {
	Path, Name string // named or predeclared (Path "") type
	Ptr, Slice bool   // *Elem, []Elem
	Len        int64  // [Len]Elem when >= 0 and Array
	Array      bool
	Map        bool         // map[Key]Elem
	Iface      bool         // any
	Methods    []methodExpr // interface{Embeds; Methods} when not empty (Iface)
	Embeds     []*typeExpr
	Func       bool        // func(Params) (Results)
	Params     []*typeExpr // Func; the last one, a slice, is ...Elem when Variadic
	Results    []*typeExpr
	Variadic   bool
	Chan       bool    // chan Elem
	Dir        chanDir // Chan's direction
	Struct     bool    // struct{Fields}
	Fields     []fieldExpr
	TypeArgs   []*typeExpr // Name[TypeArgs...]
	Union      []termExpr  // a constraint: ~int | string
	Elem, Key  *typeExpr
}

// chanDir is a channel type's direction.
type chanDir uint8

const (
	chanBoth chanDir = iota // chan T
	chanSend                // chan<- T
	chanRecv                // <-chan T
)

// A methodExpr is a method of an interface type: Func spells its signature.
type methodExpr struct {
	Name string
	Func *typeExpr
}

// A termExpr is one term of a union constraint.
type termExpr struct {
	Tilde bool
	Type  *typeExpr
}

// A typeParam is a type parameter of a generic -type.
type typeParam struct {
	Name       string
	Constraint *typeExpr
}

// A fieldExpr is one field of an anonymous struct type, spelled with its tag
// so that the spelling is the identical type.
type fieldExpr struct {
	Name     string
	Embedded bool
	Tag      string
	Type     *typeExpr
}

// String dumps the plan for tests and debugging.
func (p *filePlan) String() string {
	var b strings.Builder
	for _, n := range p.Named {
		fmt.Fprintf(&b, "%s %s root=%v cyclic=%v\n", n.Func, n.TypeName, n.Root, n.Cyclic)
		dumpValue(&b, n.Value, "\t")
	}
	return b.String()
}

func dumpValue(b *strings.Builder, v *valuePlan, indent string) {
	fmt.Fprintf(b, "%s%s %s", indent, v.Kind, v.TypeName)
	if v.Addr {
		b.WriteString(" addr")
	}
	if v.Quoted {
		b.WriteString(" quoted")
	}
	if v.Check {
		b.WriteString(" check")
	}
	if v.Ref != nil {
		b.WriteString(" -> " + v.Ref.Func)
	}
	b.WriteByte('\n')
	for _, f := range v.Fields {
		fmt.Fprintf(b, "%s  %q omitempty=%v omitzero=%d\n", indent, f.Name, f.HasEmpty, f.OmitZero)
		dumpValue(b, f.Value, indent+"    ")
	}
	if v.Elem != nil {
		dumpValue(b, v.Elem, indent+"  ")
	}
}
