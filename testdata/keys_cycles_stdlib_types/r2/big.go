package r2

// Big has 200 fields.
type Big struct {
	F000 int `json:"t199"`
	F037 string
	F074 float64
	F111 bool
	F148 *int
	F185 []int
	F022 map[string]int
	F059 any `json:"t192"`
	F096 float32
	F133 uint8
	F170 int
	F007 string `json:",omitempty"`
	F044 float64
	F081 bool `json:"z13,string"`
	F118 *int `json:"t185"`
	F155 []int
	F192 map[string]int
	F029 any
	F066 float32
	F103 uint8
	F140 int
	F177 string  `json:"t178"`
	F014 float64 `json:",omitempty"`
	F051 bool
	F088 *int
	F125 []int
	F162 map[string]int `json:"z26,string"`
	F199 any
	F036 float32 `json:"t171"`
	F073 uint8
	F110 int
	F147 string
	F184 float64
	F021 bool `json:",omitempty"`
	F058 *int
	F095 []int `json:"t164"`
	F132 map[string]int
	F169 any
	F006 float32
	F043 uint8 `json:"z39,string"`
	F080 int
	F117 string
	F154 float64 `json:"t157"`
	F191 bool
	F028 *int `json:",omitempty"`
	F065 []int
	F102 map[string]int
	F139 any
	F176 float32
	F013 uint8 `json:"t150"`
	F050 int
	F087 string
	F124 float64 `json:"z52,string"`
	F161 bool
	F198 *int
	F035 []int          `json:",omitempty"`
	F072 map[string]int `json:"t143"`
	F109 any
	F146 float32
	F183 uint8
	F020 int
	F057 string
	F094 float64
	F131 bool `json:"t136"`
	F168 *int
	F005 []int          `json:"z65,string"`
	F042 map[string]int `json:",omitempty"`
	F079 any
	F116 float32
	F153 uint8
	F190 int `json:"t129"`
	F027 string
	F064 float64
	F101 bool
	F138 *int
	F175 []int
	F012 map[string]int
	F049 any     `json:"t122"`
	F086 float32 `json:"z78,string"`
	F123 uint8
	F160 int
	F197 string
	F034 float64
	F071 bool
	F108 *int `json:"t115"`
	F145 []int
	F182 map[string]int
	F019 any
	F056 float32 `json:",omitempty"`
	F093 uint8
	F130 int
	F167 string `json:"t108"`
	F004 float64
	F041 bool
	F078 *int
	F115 []int
	F152 map[string]int
	F189 any
	F026 float32 `json:"t101"`
	F063 uint8   `json:",omitempty"`
	F100 int
	F137 string
	F174 float64
	F011 bool
	F048 *int  `json:"z104,string"`
	F085 []int `json:"t094"`
	F122 map[string]int
	F159 any
	F196 float32
	F033 uint8
	F070 int `json:",omitempty"`
	F107 string
	F144 float64 `json:"t087"`
	F181 bool
	F018 *int
	F055 []int
	F092 map[string]int
	F129 any `json:"z117,string"`
	F166 float32
	F003 uint8 `json:"t080"`
	F040 int
	F077 string `json:",omitempty"`
	F114 float64
	F151 bool
	F188 *int
	F025 []int
	F062 map[string]int `json:"t073"`
	F099 any
	F136 float32
	F173 uint8
	F010 int `json:"z130,string"`
	F047 string
	F084 float64 `json:",omitempty"`
	F121 bool    `json:"t066"`
	F158 *int
	F195 []int
	F032 map[string]int
	F069 any
	F106 float32
	F143 uint8
	F180 int `json:"t059"`
	F017 string
	F054 float64
	F091 bool `json:",omitempty"`
	F128 *int
	F165 []int
	F002 map[string]int
	F039 any `json:"t052"`
	F076 float32
	F113 uint8
	F150 int
	F187 string
	F024 float64
	F061 bool
	F098 *int `json:"t045"`
	F135 []int
	F172 map[string]int `json:"z156,string"`
	F009 any
	F046 float32
	F083 uint8
	F120 int
	F157 string `json:"t038"`
	F194 float64
	F031 bool
	F068 *int
	F105 []int `json:",omitempty"`
	F142 map[string]int
	F179 any
	F016 float32 `json:"t031"`
	F053 uint8   `json:"z169,string"`
	F090 int
	F127 string
	F164 float64
	F001 bool
	F038 *int
	F075 []int          `json:"t024"`
	F112 map[string]int `json:",omitempty"`
	F149 any
	F186 float32
	F023 uint8
	F060 int
	F097 string
	F134 float64 `json:"t017"`
	F171 bool
	F008 *int
	F045 []int
	F082 map[string]int
	F119 any `json:",omitempty"`
	F156 float32
	F193 uint8 `json:"t010"`
	F030 int
	F067 string
	F104 float64
	F141 bool
	F178 *int
	F015 []int          `json:"z195,string"`
	F052 map[string]int `json:"t003"`
	F089 any
	F126 float32 `json:",omitempty"`
	F163 uint8
}
