package intest

type OnlyInTest struct {
	In  Inner            `json:"in"`
	M   map[int8]float64 `json:"m"`
	Any any              `json:"any"`
}
