package bench

//go:generate go tool jsondumpgen -type=Small,Medium -output=payload_jsondump.go
//go:generate go run github.com/mailru/easyjson/easyjson -all -no_std_marshalers payload.go

// Small is a ten-field record, the size of a typical API response or log
// line (testdata/small.json): per-call overhead dominates.
type Small struct {
	ID        int64    `json:"id"`
	Name      string   `json:"name"`
	Email     string   `json:"email"`
	Age       int      `json:"age"`
	Score     float64  `json:"score"`
	Active    bool     `json:"active"`
	City      string   `json:"city"`
	Tags      []string `json:"tags"`
	CreatedAt string   `json:"created_at"`
	Balance   float64  `json:"balance"`
}

// Medium is an order of an online shop (testdata/medium.json): about a
// hundred fields in nested structs, a slice of line items, a map and a few
// null and omitted fields.
type Medium struct {
	OrderID         string            `json:"order_id"`
	Number          int64             `json:"number"`
	Status          string            `json:"status"`
	Currency        string            `json:"currency"`
	CreatedAt       string            `json:"created_at"`
	UpdatedAt       string            `json:"updated_at"`
	Subtotal        float64           `json:"subtotal"`
	Tax             float64           `json:"tax"`
	ShippingCost    float64           `json:"shipping_cost"`
	Discount        float64           `json:"discount"`
	Total           float64           `json:"total"`
	Paid            bool              `json:"paid"`
	Gift            bool              `json:"gift"`
	Notes           string            `json:"notes"`
	Coupon          *string           `json:"coupon"`
	Tags            []string          `json:"tags"`
	Customer        Customer          `json:"customer"`
	BillingAddress  Address           `json:"billing_address"`
	ShippingAddress *Address          `json:"shipping_address,omitempty"`
	Payment         Payment           `json:"payment"`
	Items           []LineItem        `json:"items"`
	Fulfillment     Fulfillment       `json:"fulfillment"`
	Attributes      map[string]string `json:"attributes"`
	Metrics         OrderMetrics      `json:"metrics"`
	Flags           OrderFlags        `json:"flags"`
}

// Customer is who placed an order.
type Customer struct {
	ID            int64   `json:"id"`
	FirstName     string  `json:"first_name"`
	LastName      string  `json:"last_name"`
	Email         string  `json:"email"`
	Phone         *string `json:"phone"`
	Locale        string  `json:"locale"`
	Verified      bool    `json:"verified"`
	OrdersCount   int     `json:"orders_count"`
	TotalSpent    float64 `json:"total_spent"`
	LoyaltyPoints int     `json:"loyalty_points"`
	Since         string  `json:"since"`
	Address       Address `json:"address"`
}

// Address is a postal address.
type Address struct {
	Name       string  `json:"name"`
	Line1      string  `json:"line1"`
	Line2      string  `json:"line2,omitempty"`
	City       string  `json:"city"`
	Region     string  `json:"region"`
	PostalCode string  `json:"postal_code"`
	Country    string  `json:"country"`
	Latitude   float64 `json:"latitude"`
	Longitude  float64 `json:"longitude"`
}

// Payment is how an order was paid.
type Payment struct {
	Method        string  `json:"method"`
	Provider      string  `json:"provider"`
	TransactionID string  `json:"transaction_id"`
	Amount        float64 `json:"amount"`
	Currency      string  `json:"currency"`
	Captured      bool    `json:"captured"`
	CardBrand     string  `json:"card_brand"`
	CardLast4     string  `json:"card_last4"`
	Installments  int     `json:"installments"`
	AuthorizedAt  string  `json:"authorized_at"`
}

// LineItem is one product line of an order.
type LineItem struct {
	SKU         string   `json:"sku"`
	ProductID   int64    `json:"product_id"`
	Title       string   `json:"title"`
	Variant     string   `json:"variant"`
	Quantity    int      `json:"quantity"`
	UnitPrice   float64  `json:"unit_price"`
	TaxRate     float64  `json:"tax_rate"`
	Discount    float64  `json:"discount"`
	WeightKg    float64  `json:"weight_kg"`
	Taxable     bool     `json:"taxable"`
	Backordered bool     `json:"backordered"`
	Categories  []string `json:"categories"`
}

// Fulfillment is the shipping state of an order.
type Fulfillment struct {
	Carrier        string   `json:"carrier"`
	Service        string   `json:"service"`
	TrackingNumber *string  `json:"tracking_number"`
	Status         string   `json:"status"`
	ShippedAt      *string  `json:"shipped_at"`
	EstimatedDays  int      `json:"estimated_days"`
	Packages       int      `json:"packages"`
	Events         []string `json:"events"`
}

// OrderMetrics are figures kept for analytics.
type OrderMetrics struct {
	SessionSeconds float64 `json:"session_seconds"`
	PageViews      int     `json:"page_views"`
	CartAdds       int     `json:"cart_adds"`
	CartRemoves    int     `json:"cart_removes"`
	ConversionRate float64 `json:"conversion_rate"`
	MarginRate     float64 `json:"margin_rate"`
	RiskScore      float64 `json:"risk_score"`
	Latency        float64 `json:"latency_ms"`
	Retries        int     `json:"retries"`
	Revision       int64   `json:"revision"`
}

// OrderFlags are the order's yes/no attributes.
type OrderFlags struct {
	FirstOrder      bool `json:"first_order"`
	Subscription    bool `json:"subscription"`
	Fraudulent      bool `json:"fraudulent"`
	Expedited       bool `json:"expedited"`
	Fragile         bool `json:"fragile"`
	Returnable      bool `json:"returnable"`
	SignatureNeeded bool `json:"signature_needed"`
	Archived        bool `json:"archived"`
}
