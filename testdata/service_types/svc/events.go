package svc

import (
	"encoding/hex"
	"net/netip"
	"net/url"
	"time"
)

// UUID is a 16-byte identifier written as text.
type UUID [16]byte

// MarshalText writes the canonical form.
func (u UUID) MarshalText() ([]byte, error) {
	var b [36]byte
	hex.Encode(b[0:8], u[0:4])
	b[8] = '-'
	hex.Encode(b[9:13], u[4:6])
	b[13] = '-'
	hex.Encode(b[14:18], u[6:8])
	b[18] = '-'
	hex.Encode(b[19:23], u[8:10])
	b[23] = '-'
	hex.Encode(b[24:], u[10:])
	return b[:], nil
}

// Level is a log level written as an integer (no methods).
type Level int8

// Span is a trace span.
type Span struct {
	TraceID  UUID          `json:"trace_id"`
	SpanID   [8]byte       `json:"span_id"`
	Parent   *UUID         `json:"parent,omitempty"`
	Name     string        `json:"name"`
	Start    time.Time     `json:"start"`
	End      *time.Time    `json:"end"`
	Duration time.Duration `json:"duration"`
}

// Event is an access-log / audit event.
type Event struct {
	ID        UUID                  `json:"id"`
	Time      time.Time             `json:"ts"`
	Level     Level                 `json:"level"`
	Msg       string                `json:"msg"`
	Latency   time.Duration         `json:"latency_ns"`
	Timeout   time.Duration         `json:"timeout,omitempty"`
	ClientIP  netip.Addr            `json:"client_ip"`
	Server    netip.AddrPort        `json:"server"`
	Subnet    netip.Prefix          `json:"subnet"`
	URL       *url.URL              `json:"url"`
	Referer   url.URL               `json:"referer"`
	Status    int                   `json:"status"`
	Bytes     uint64                `json:"bytes"`
	Latencies []float64             `json:"latencies_ms"`
	P99       float32               `json:"p99"`
	Headers   map[string][]string   `json:"headers"`
	Attrs     map[string]any        `json:"attrs"`
	Spans     []Span                `json:"spans"`
	Seen      map[UUID]int          `json:"seen"`
	Peers     map[netip.Addr]string `json:"peers,omitempty"`
	ByCode    map[int]int           `json:"by_code"`
	Tags      []string              `json:"tags"`
}

// Batch is what the log shipper sends.
type Batch struct {
	Host   string    `json:"host"`
	Events []Event   `json:"events"`
	Sent   time.Time `json:"sent"`
}
