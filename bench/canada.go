package bench

//go:generate go tool jsondumpgen -type=Canada
//go:generate go run github.com/mailru/easyjson/easyjson -all -no_std_marshalers canada.go

// Canada mirrors canada.json: a GeoJSON outline of Canada, about 110,000
// coordinate pairs. Forty-six coordinates are integers in the file (-65,
// say); as float64 they come out as -65.0, which json.loads reads as a float
// equal to the int, so the round trip still compares equal.
type Canada struct {
	Type     string          `json:"type"`
	Features []CanadaFeature `json:"features"`
}

// CanadaFeature is one GeoJSON feature.
type CanadaFeature struct {
	Type       string           `json:"type"`
	Properties CanadaProperties `json:"properties"`
	Geometry   CanadaGeometry   `json:"geometry"`
}

// CanadaProperties are a feature's properties.
type CanadaProperties struct {
	Name string `json:"name"`
}

// CanadaGeometry is a polygon: rings of [longitude, latitude] pairs.
type CanadaGeometry struct {
	Type        string        `json:"type"`
	Coordinates [][][]float64 `json:"coordinates"`
}
