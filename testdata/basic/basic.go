// Package basic holds scalars and the encoding/json tag rules.
package basic

// Basic has one field of each scalar kind and each tag option.
type Basic struct {
	Name     string
	Age      int `json:"age"`
	Small    int8
	Big      uint64  `json:"big"`
	Ratio    float64 `json:"ratio"`
	Single   float32
	OK       bool    `json:"ok"`
	Empty    string  `json:"empty,omitempty"`
	Zero     float64 `json:"zero,omitzero"`
	Skip     string  `json:"-"`
	Dash     string  `json:"-,"`
	Quoted   int     `json:",string"`
	QStr     string  `json:"qstr,string"`
	QFloat   float64 `json:"qfloat,string"`
	QPtr     *bool   `json:"qptr,string"`
	Unicode  string  `json:"ünï"`
	Data     []byte  `json:"data"`
	Level    Level   `json:"level"`
	private  int
	Bad      string  `json:"bad\"name"`
	ZeroInt  int     `json:"zint,omitempty"`
	NegZero  float64 `json:"negzero,omitempty"`
	NegZero2 float64 `json:"negzero2,omitzero"`
}

// Level is a named float.
type Level float64
