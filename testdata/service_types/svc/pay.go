package svc

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"time"
)

// Currency is an ISO 4217 code.
type Currency string

// Cents is an amount in the currency's minor unit.
type Cents int64

// Decimal is a fixed-point decimal that marshals as text, like the common
// decimal libraries.
type Decimal struct {
	Unscaled int64
	Scale    int32
}

// MarshalText writes the decimal with its scale.
func (d Decimal) MarshalText() ([]byte, error) {
	neg := d.Unscaled < 0
	u := d.Unscaled
	if neg {
		u = -u
	}
	s := strconv.FormatInt(u, 10)
	if d.Scale > 0 {
		for len(s) <= int(d.Scale) {
			s = "0" + s
		}
		s = s[:len(s)-int(d.Scale)] + "." + s[len(s)-int(d.Scale):]
	}
	if neg {
		s = "-" + s
	}
	return []byte(s), nil
}

// Status is an enum written as text.
type Status int

const (
	StatusUnknown Status = iota
	StatusPending
	StatusSucceeded
	StatusFailed
	StatusRefunded
)

var statusNames = []string{"unknown", "pending", "succeeded", "failed", "refunded"}

// MarshalText writes the status name.
func (s Status) MarshalText() ([]byte, error) {
	if s < 0 || int(s) >= len(statusNames) {
		return nil, errors.New("svc: bad status " + strconv.Itoa(int(s)))
	}
	return []byte(statusNames[s]), nil
}

// Brand is an enum written by MarshalJSON (upper case).
type Brand uint8

// MarshalJSON writes the brand.
func (b Brand) MarshalJSON() ([]byte, error) {
	switch b {
	case 1:
		return []byte(`"VISA"`), nil
	case 2:
		return []byte(`"MASTERCARD"`), nil
	}
	return []byte(`null`), nil
}

// Card is a payment method.
type Card struct {
	Brand    Brand   `json:"brand"`
	Last4    string  `json:"last4"`
	ExpMonth uint8   `json:"exp_month"`
	ExpYear  uint16  `json:"exp_year"`
	Country  *string `json:"country"`
	Wallet   any     `json:"wallet"`
}

// Refund is a refund.
type Refund struct {
	ID       string            `json:"id"`
	Amount   Cents             `json:"amount"`
	Currency Currency          `json:"currency"`
	Created  int64             `json:"created"`
	Reason   *string           `json:"reason"`
	Metadata map[string]string `json:"metadata"`
}

// Charge is a payments API object.
type Charge struct {
	ID             string             `json:"id"`
	Object         string             `json:"object"`
	Amount         int64              `json:"amount"`
	AmountCaptured Cents              `json:"amount_captured"`
	AmountRefunded Cents              `json:"amount_refunded"`
	AmountDecimal  float64            `json:"amount_decimal"`
	FeeRate        float32            `json:"fee_rate"`
	Currency       Currency           `json:"currency"`
	Captured       bool               `json:"captured"`
	Created        int64              `json:"created"`
	Customer       *string            `json:"customer"`
	Description    string             `json:"description,omitempty"`
	Metadata       map[string]string  `json:"metadata"`
	Status         Status             `json:"status"`
	Fee            Decimal            `json:"fee"`
	TaxRate        *Decimal           `json:"tax_rate,omitempty"`
	FxRate         json.Number        `json:"fx_rate"`
	Signature      []byte             `json:"signature"`
	Card           *Card              `json:"payment_method_details"`
	Refunds        []Refund           `json:"refunds"`
	History        map[Status]int64   `json:"history"`
	Totals         map[Currency]Cents `json:"totals"`
	AmountStr      int64              `json:"amount_str,string"`
	BigID          uint64             `json:"big_id,string"`
	Score          float64            `json:"risk_score,string,omitempty"`
	Livemode       bool               `json:"livemode"`
	CapturedAt     *time.Time         `json:"captured_at,omitempty"`
	Extra          map[string]any     `json:"extra,omitempty"`
}

// Ledger is a list of charges with running totals.
type Ledger struct {
	Entries  []*Charge           `json:"entries"`
	Balance  map[string]float64  `json:"balance"`
	ByStatus map[Status][]string `json:"by_status"`
	Note     string              `json:"note"`
}

// Upper is a tiny helper so strings is used.
func Upper(s string) string { return strings.ToUpper(s) }
