package bench

//go:generate go tool jsondumpgen -type=CITMCatalog -output=citm_jsondump.go
//go:generate go run github.com/mailru/easyjson/easyjson -all -no_std_marshalers citm.go

// CITMCatalog mirrors citm_catalog.json: a concert hall's programme, with
// name tables keyed by numeric ids written as strings. The maps come out in
// ascending key order (byte order), the file's keys in their own order; the
// dicts are equal all the same.
type CITMCatalog struct {
	AreaNames                map[string]string    `json:"areaNames"`
	AudienceSubCategoryNames map[string]string    `json:"audienceSubCategoryNames"`
	BlockNames               map[string]string    `json:"blockNames"` // always empty in the file
	Events                   map[string]CITMEvent `json:"events"`
	Performances             []CITMPerformance    `json:"performances"`
	SeatCategoryNames        map[string]string    `json:"seatCategoryNames"`
	SubTopicNames            map[string]string    `json:"subTopicNames"`
	SubjectNames             map[string]string    `json:"subjectNames"` // always empty in the file
	TopicNames               map[string]string    `json:"topicNames"`
	TopicSubTopics           map[string][]int64   `json:"topicSubTopics"`
	VenueNames               map[string]string    `json:"venueNames"`
}

// CITMEvent is one event of the programme.
type CITMEvent struct {
	Description *string `json:"description"` // always null in the file
	ID          int64   `json:"id"`
	Logo        *string `json:"logo"`
	Name        string  `json:"name"`
	SubTopicIDs []int64 `json:"subTopicIds"`
	SubjectCode *string `json:"subjectCode"` // always null in the file
	Subtitle    *string `json:"subtitle"`    // always null in the file
	TopicIDs    []int64 `json:"topicIds"`
}

// CITMPerformance is one performance of an event.
type CITMPerformance struct {
	EventID        int64              `json:"eventId"`
	ID             int64              `json:"id"`
	Logo           *string            `json:"logo"`
	Name           *string            `json:"name"` // always null in the file
	Prices         []CITMPrice        `json:"prices"`
	SeatCategories []CITMSeatCategory `json:"seatCategories"`
	SeatMapImage   *string            `json:"seatMapImage"` // always null in the file
	Start          int64              `json:"start"`
	VenueCode      string             `json:"venueCode"`
}

// CITMPrice is the price of one seat category for one audience.
type CITMPrice struct {
	Amount                int64 `json:"amount"`
	AudienceSubCategoryID int64 `json:"audienceSubCategoryId"`
	SeatCategoryID        int64 `json:"seatCategoryId"`
}

// CITMSeatCategory lists the areas of one seat category.
type CITMSeatCategory struct {
	Areas          []CITMArea `json:"areas"`
	SeatCategoryID int64      `json:"seatCategoryId"`
}

// CITMArea is one area of the hall.
type CITMArea struct {
	AreaID   int64   `json:"areaId"`
	BlockIDs []int64 `json:"blockIds"` // always empty in the file
}
