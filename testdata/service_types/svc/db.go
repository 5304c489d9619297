package svc

import (
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"math/big"
	"time"
)

// AuditRecord embeds time.Time: its promoted MarshalJSON makes the whole
// record encode as the time (a well-known encoding/json gotcha).
type AuditRecord struct {
	time.Time
	Actor string `json:"actor"`
}

// Signature is a named byte slice (base64), HexBytes one with MarshalText.
type (
	Signature []byte
	HexBytes  []byte
	Hash      [4]byte
)

// MarshalText writes upper-case hex.
func (h HexBytes) MarshalText() ([]byte, error) {
	b := make([]byte, hex.EncodedLen(len(h)))
	hex.Encode(b, h)
	for i, c := range b {
		if c >= 'a' && c <= 'f' {
			b[i] = c - 32
		}
	}
	return b, nil
}

// Money has IsZero, used by omitzero.
type Money struct {
	Amount   int64    `json:"amount"`
	Currency Currency `json:"currency"`
}

// IsZero reports a zero amount, whatever the currency.
func (m Money) IsZero() bool { return m.Amount == 0 }

// Account is a row read from a database.
type Account struct {
	ID        int64                      `json:"id"`
	Email     sql.NullString             `json:"email"`
	Age       sql.NullInt64              `json:"age"`
	Score     sql.NullFloat64            `json:"score"`
	LastLogin sql.NullTime               `json:"last_login"`
	Parent    sql.Null[int64]            `json:"parent"`
	Created   time.Time                  `json:"created,omitzero"`
	Deleted   *time.Time                 `json:"deleted,omitzero"`
	Updated   time.Time                  `json:"updated,omitempty"`
	Balance   Money                      `json:"balance,omitzero"`
	Credit    *Money                     `json:"credit,omitzero"`
	Audit     AuditRecord                `json:"audit"`
	Audits    []AuditRecord              `json:"audits"`
	Sig       Signature                  `json:"sig"`
	PubKey    HexBytes                   `json:"pub_key"`
	Keys      []HexBytes                 `json:"keys"`
	Digest    Hash                       `json:"digest"`
	Wei       *big.Int                   `json:"wei"`
	Gas       []*big.Int                 `json:"gas"`
	Price     *big.Float                 `json:"price"`
	Ratio     *big.Rat                   `json:"ratio"`
	Partial   map[string]json.RawMessage `json:"partial"`
	Month     time.Month                 `json:"month"`
}
