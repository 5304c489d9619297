package svc

import (
	"encoding/json"
	"time"
)

// TLS settings.
type TLS struct {
	CertFile   string   `json:"cert_file"`
	KeyFile    string   `json:"key_file"`
	MinVersion string   `json:"min_version,omitempty"`
	Ciphers    []string `json:"ciphers,omitempty"`
}

// Server settings.
type Server struct {
	Host           string        `json:"host"`
	Port           uint16        `json:"port"`
	ReadTimeout    time.Duration `json:"read_timeout"`
	TLS            *TLS          `json:"tls,omitempty"`
	TrustedProxies []string      `json:"trusted_proxies"`
	MaxBodyMB      float64       `json:"max_body_mb"`
}

// DB settings.
type DB struct {
	DSN      string            `json:"dsn"`
	MaxOpen  int               `json:"max_open"`
	Replicas []string          `json:"replicas"`
	Params   map[string]string `json:"params,omitempty"`
}

// Route is a route.
type Route struct {
	Path    string   `json:"path"`
	Methods []string `json:"methods"`
	Weight  float64  `json:"weight"`
}

// Config is a config file.
type Config struct {
	Version   int                         `json:"version"`
	Name      string                      `json:"name"`
	Server    Server                      `json:"server"`
	Databases map[string]DB               `json:"databases"`
	Features  map[string]bool             `json:"features,omitempty"`
	Routes    map[string][]Route          `json:"routes"`
	Plugins   []map[string]any            `json:"plugins"`
	Limits    map[string]map[string]int   `json:"limits"`
	Env       map[string]*string          `json:"env"`
	Matrix    [][]float64                 `json:"matrix"`
	Shards    map[int][]string            `json:"shards"`
	Raw       json.RawMessage             `json:"raw,omitempty"`
	Extra     map[string]any              `json:"extra"`
	Overrides map[string]map[string][]any `json:"overrides"`
}
