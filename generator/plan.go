package generator

import (
	"fmt"
	"go/token"
	"strings"
)

// The plan is a small IR of the types to encode, decided once from go/types
// (plan_*.go) and printed by emit*.go, which never looks at go/types.

// A Plan is everything one generated file needs.
type Plan struct {
	PkgPath string
	PkgName string
	Build   string   // the //go:build expression of the -types' files, or ""
	Roots   []*Named // the -type types, in flag order
	Named   []*Named // every named type that gets an encode function, in plan order
	Warns   []Diagnostic
}

// A Named is a named type with its own encode function.
type Named struct {
	Name     string // Go name in the package, e.g. "Employee"
	TypeName string // %T spelling, e.g. "main.Employee"
	Func     string // encode function, e.g. "_jsondump_Employee"
	Root     bool   // named to -type: gets the exported methods
	Value    *Value // how its underlying type is written
	Cyclic   bool   // *T reaches itself: a *T is checked for cycles
	Type     *GoType

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
	ValueVariant *Named

	// ElemFunc is the name kept for a package-level function that writes
	// a T value by Func, which emit writes when a map's values use it
	// (needElem): a function literal there would keep the value on the
	// heap for a type that reaches itself (see emitMap).
	ElemFunc string
	needElem bool

	// A generic -type: its type parameters, and the specialized Named of
	// each instantiation the package writes, which its encode function
	// dispatches to.
	TypeParams []TypeParam
	Instances  []*Named

	seq int // plan order
}

// A Kind says how a value is written.
type Kind int

// The kinds of Value, each written by one Encoder method or emitted pattern.
const (
	Bool        Kind = iota // bool kinds: e.Bool
	Int                     // signed integer kinds: e.Int
	Uint                    // unsigned integer kinds: e.Uint
	Float32                 // e.Float32
	Float64                 // e.Float64
	String                  // string kinds: e.String
	Bytes                   // []byte and slices of byte kinds: base64
	BigInt                  // *big.Int (Addr: a big.Int value)
	Pointer                 // Elem
	Slice                   // Elem
	Array                   // Elem
	Map                     // Key, Elem
	Struct                  // Fields
	Any                     // an interface: the dynamic path
	Marshaler               // json.Marshaler (Addr: through the pointer)
	TextMarshal             // encoding.TextMarshaler (Addr: through the pointer)
	RawMessage              // json.RawMessage
	Number                  // json.Number
	Unsupported             // chan, func, complex: the Default hook
	Ref                     // a named type: call its encode function
	Encodable               // a type with its own JSONDumpEncode method (Addr: addressable)
	Dict                    // jsondump.Dict (jsondumprt.Dict): e.Dict, a dict in insertion order
)

var kindNames = [...]string{"Bool", "Int", "Uint", "Float32", "Float64", "String", "Bytes", "BigInt",
	"Pointer", "Slice", "Array", "Map", "Struct", "Any", "Marshaler", "TextMarshal", "RawMessage",
	"Number", "Unsupported", "Ref", "Encodable", "Dict"}

// String returns the kind's name.
func (k Kind) String() string { return kindNames[k] }

// A MapKey says which runtime map function writes a map.
type MapKey int

const (
	KeyString      MapKey = iota // EncodeStringMap
	KeyInt                       // EncodeIntMap
	KeyUint                      // EncodeUintMap
	KeyFloat64                   // EncodeFloat64Map
	KeyFloat32                   // EncodeFloat32Map
	KeyBool                      // EncodeBoolMap
	KeyText                      // EncodeTextMap
	KeyTextOrdered               // EncodeTextMapOrdered: a TextMarshaler of an ordered kind
	KeyAny                       // EncodeAnyMap: an interface key type
)

// A Value is how one Go value is written.
type Value struct {
	Kind     Kind
	Type     *GoType  // the Go type, for spelling it (map value funcs, conversions)
	TypeName string   // %T spelling, for error messages and cycle identities
	Addr     bool     // Marshaler, TextMarshal, BigInt: call through &x
	Quoted   bool     // ,string: write the text as a JSON string
	Check    bool     // Pointer, Slice, Map: check for cycles
	MapKey   MapKey   // Map
	Elem     *Value   // Slice, Array, Pointer, Map values; nil otherwise
	Fields   []*Field // Struct, in output order
	Sorted   []*Field // Struct: the fields by JSON name, when that order differs
	Ref      *Named   // Ref: call this type's encode function instead of inlining
}

// An Empty says how omitempty tests a field (encoding/json's isEmptyValue).
type Empty int

const (
	EmptyNever   Empty = iota // struct: never empty
	EmptyLen                  // string, slice, map, array: len 0
	EmptyFalse                // bool
	EmptyZero                 // numbers: == 0 (so -0.0 is empty)
	EmptyNil                  // pointer, interface
	EmptyDynamic              // a type parameter: jsondumprt.IsEmptyValue
)

// A Zero says how omitzero tests a field.
type Zero int

const (
	ZeroNone        Zero = iota // no omitzero
	ZeroMethod                  // x.IsZero()
	ZeroNilOrMethod             // x == nil || x.IsZero()
	ZeroIfaceMethod             // x == nil || x holds a nil pointer || x.IsZero()
	ZeroCompare                 // jsondumprt.IsZero(x)
	ZeroNil                     // x == nil
	ZeroFields                  // every field zero (Test.Fields)
	ZeroElems                   // every element zero (Test.Elem)
	ZeroDynamic                 // a type parameter: jsondumprt.IsZeroValue (Test.Type)
)

// A ZeroTest is reflect.Value.IsZero spelled out for one type, for
// omitzero on a type that == cannot test: a struct or array that is not
// comparable.
type ZeroTest struct {
	Kind   Zero        // ZeroCompare, ZeroNil, ZeroFields, ZeroElems, ZeroDynamic
	Fields []ZeroField // ZeroFields
	Elem   *ZeroTest   // ZeroElems
	Type   *GoType     // ZeroDynamic: the type parameter, for its zero value
}

// A ZeroField is one field of a ZeroFields test.
type ZeroField struct {
	Name string
	Test *ZeroTest
}

// A Step is one selector of a field's path; Ptr when it goes through an
// embedded pointer, which is skipped with its fields when nil. Hidden marks
// an unexported embedded struct of another package, which generated code
// cannot name: the selector leaves it out and reaches the next field by
// promotion (planning checks that it is the same field).
type Step struct {
	Name   string
	Ptr    bool
	Hidden bool
}

// A Field is one member of the JSON object written for a struct.
type Field struct {
	Path      []Step    // selector path, e.g. {Base, ID} for a promoted field
	Name      string    // JSON name
	KeyASCII  string    // `"` + name + `"` as written with ensure_ascii=True
	KeyUTF8   string    // `"` + name + `"` as written with ensure_ascii=False
	KeyVar    string    // the package-level jsondumprt.FieldKey, named by emit
	OmitEmpty Empty     // ,omitempty (EmptyNever without it)
	Type      *GoType   // the field's type, for EmptyDynamic and ZeroDynamic
	HasEmpty  bool      // ,omitempty given
	OmitZero  Zero      // ,omitzero
	ZeroTest  *ZeroTest // OmitZero ZeroFields or ZeroElems
	Value     *Value
	Pos       token.Position // the field's declaration
}

// A GoType spells a Go type in generated code.
type GoType struct {
	Path, Name string // named or predeclared (Path "") type
	Ptr, Slice bool   // *Elem, []Elem
	Len        int64  // [Len]Elem when >= 0 and Array
	Array      bool
	Map        bool // map[Key]Elem
	Iface      bool // any
	Struct     bool // struct{Fields}
	Fields     []GoField
	TypeArgs   []*GoType // Name[TypeArgs...]
	Union      []GoTerm  // a constraint: ~int | string
	Elem, Key  *GoType
}

// A GoTerm is one term of a union constraint.
type GoTerm struct {
	Tilde bool
	Type  *GoType
}

// A TypeParam is a type parameter of a generic -type.
type TypeParam struct {
	Name       string
	Constraint *GoType
}

// A GoField is one field of an anonymous struct type, spelled with its tag
// so that the spelling is the identical type.
type GoField struct {
	Name     string
	Embedded bool
	Tag      string
	Type     *GoType
}

// String dumps the plan for tests and debugging.
func (p *Plan) String() string {
	var b strings.Builder
	for _, n := range p.Named {
		fmt.Fprintf(&b, "%s %s root=%v cyclic=%v\n", n.Func, n.TypeName, n.Root, n.Cyclic)
		dumpValue(&b, n.Value, "\t")
	}
	return b.String()
}

func dumpValue(b *strings.Builder, v *Value, indent string) {
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
