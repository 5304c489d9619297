package svc

import (
	"encoding/json"
	"strconv"
	"time"
)

// TypeMeta is embedded with `json:",inline"` as Kubernetes does.
type TypeMeta struct {
	Kind       string `json:"kind,omitempty"`
	APIVersion string `json:"apiVersion,omitempty"`
}

// KTime is a metav1.Time-like wrapper: it embeds time.Time (so MarshalText
// is promoted) and has its own MarshalJSON, which wins in encoding/json.
type KTime struct {
	time.Time `protobuf:"-"`
}

// MarshalJSON writes null for the zero time, RFC 3339 in UTC otherwise.
func (t KTime) MarshalJSON() ([]byte, error) {
	if t.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(t.UTC().Format(time.RFC3339))
}

// UID is a types.UID-like named string.
type UID string

// OwnerReference points at an owner.
type OwnerReference struct {
	APIVersion         string `json:"apiVersion"`
	Kind               string `json:"kind"`
	Name               string `json:"name"`
	UID                UID    `json:"uid"`
	Controller         *bool  `json:"controller,omitempty"`
	BlockOwnerDeletion *bool  `json:"blockOwnerDeletion,omitempty"`
}

// ObjectMeta is metadata.
type ObjectMeta struct {
	Name                       string            `json:"name,omitempty"`
	GenerateName               string            `json:"generateName,omitempty"`
	Namespace                  string            `json:"namespace,omitempty"`
	UID                        UID               `json:"uid,omitempty"`
	ResourceVersion            string            `json:"resourceVersion,omitempty"`
	Generation                 int64             `json:"generation,omitempty"`
	CreationTimestamp          KTime             `json:"creationTimestamp,omitempty"`
	DeletionTimestamp          *KTime            `json:"deletionTimestamp,omitempty"`
	DeletionGracePeriodSeconds *int64            `json:"deletionGracePeriodSeconds,omitempty"`
	Labels                     map[string]string `json:"labels,omitempty"`
	Annotations                map[string]string `json:"annotations,omitempty"`
	OwnerReferences            []OwnerReference  `json:"ownerReferences,omitempty"`
	Finalizers                 []string          `json:"finalizers,omitempty"`
}

// ResourceName and Quantity are named strings.
type (
	ResourceName string
	Quantity     string
	ResourceList map[ResourceName]Quantity
	Protocol     string
	PullPolicy   string
)

// ResourceRequirements of a container.
type ResourceRequirements struct {
	Limits   ResourceList `json:"limits,omitempty"`
	Requests ResourceList `json:"requests,omitempty"`
}

// IntOrString is intstr.IntOrString-like.
type IntOrString struct {
	Type   int
	IntVal int32
	StrVal string
}

// MarshalJSON writes the int or the string.
func (v IntOrString) MarshalJSON() ([]byte, error) {
	if v.Type == 1 {
		return json.Marshal(v.StrVal)
	}
	return []byte(strconv.Itoa(int(v.IntVal))), nil
}

// ContainerPort is a port.
type ContainerPort struct {
	Name          string   `json:"name,omitempty"`
	HostPort      int32    `json:"hostPort,omitempty"`
	ContainerPort int32    `json:"containerPort"`
	Protocol      Protocol `json:"protocol,omitempty"`
}

// EnvVar is an environment variable.
type EnvVar struct {
	Name  string `json:"name"`
	Value string `json:"value,omitempty"`
}

// HTTPGetAction is a probe action.
type HTTPGetAction struct {
	Path   string      `json:"path,omitempty"`
	Port   IntOrString `json:"port"`
	Host   string      `json:"host,omitempty"`
	Scheme string      `json:"scheme,omitempty"`
}

// ProbeHandler is embedded inline into Probe.
type ProbeHandler struct {
	Exec    *ExecAction    `json:"exec,omitempty"`
	HTTPGet *HTTPGetAction `json:"httpGet,omitempty"`
}

// ExecAction runs a command.
type ExecAction struct {
	Command []string `json:"command,omitempty"`
}

// Probe is a liveness/readiness probe.
type Probe struct {
	ProbeHandler        `json:",inline"`
	InitialDelaySeconds int32  `json:"initialDelaySeconds,omitempty"`
	TimeoutSeconds      int32  `json:"timeoutSeconds,omitempty"`
	PeriodSeconds       int32  `json:"periodSeconds,omitempty"`
	FailureThreshold    int32  `json:"failureThreshold,omitempty"`
	TerminationGrace    *int64 `json:"terminationGracePeriodSeconds,omitempty"`
}

// SecurityContext of a container.
type SecurityContext struct {
	RunAsUser                *int64 `json:"runAsUser,omitempty"`
	RunAsNonRoot             *bool  `json:"runAsNonRoot,omitempty"`
	ReadOnlyRootFilesystem   *bool  `json:"readOnlyRootFilesystem,omitempty"`
	AllowPrivilegeEscalation *bool  `json:"allowPrivilegeEscalation,omitempty"`
}

// Container is a container.
type Container struct {
	Name            string               `json:"name"`
	Image           string               `json:"image,omitempty"`
	Command         []string             `json:"command,omitempty"`
	Args            []string             `json:"args,omitempty"`
	Ports           []ContainerPort      `json:"ports,omitempty"`
	Env             []EnvVar             `json:"env,omitempty"`
	Resources       ResourceRequirements `json:"resources,omitempty"`
	LivenessProbe   *Probe               `json:"livenessProbe,omitempty"`
	ImagePullPolicy PullPolicy           `json:"imagePullPolicy,omitempty"`
	SecurityContext *SecurityContext     `json:"securityContext,omitempty"`
}

// Toleration tolerates a taint.
type Toleration struct {
	Key               string `json:"key,omitempty"`
	Operator          string `json:"operator,omitempty"`
	Value             string `json:"value,omitempty"`
	Effect            string `json:"effect,omitempty"`
	TolerationSeconds *int64 `json:"tolerationSeconds,omitempty"`
}

// PodSpec is a pod spec.
type PodSpec struct {
	Containers                    []Container       `json:"containers"`
	RestartPolicy                 string            `json:"restartPolicy,omitempty"`
	TerminationGracePeriodSeconds *int64            `json:"terminationGracePeriodSeconds,omitempty"`
	NodeSelector                  map[string]string `json:"nodeSelector,omitempty"`
	ServiceAccountName            string            `json:"serviceAccountName,omitempty"`
	AutomountServiceAccountToken  *bool             `json:"automountServiceAccountToken,omitempty"`
	HostNetwork                   bool              `json:"hostNetwork,omitempty"`
	Tolerations                   []Toleration      `json:"tolerations,omitempty"`
}

// PodTemplateSpec is a pod template.
type PodTemplateSpec struct {
	ObjectMeta `json:"metadata,omitempty"`
	Spec       PodSpec `json:"spec,omitempty"`
}

// LabelSelector selects labels.
type LabelSelector struct {
	MatchLabels map[string]string `json:"matchLabels,omitempty"`
}

// DeploymentSpec is a deployment spec.
type DeploymentSpec struct {
	Replicas                *int32          `json:"replicas,omitempty"`
	Selector                *LabelSelector  `json:"selector"`
	Template                PodTemplateSpec `json:"template"`
	MinReadySeconds         int32           `json:"minReadySeconds,omitempty"`
	RevisionHistoryLimit    *int32          `json:"revisionHistoryLimit,omitempty"`
	Paused                  bool            `json:"paused,omitempty"`
	ProgressDeadlineSeconds *int32          `json:"progressDeadlineSeconds,omitempty"`
}

// DeploymentCondition is a condition.
type DeploymentCondition struct {
	Type               string `json:"type"`
	Status             string `json:"status"`
	LastUpdateTime     KTime  `json:"lastUpdateTime,omitempty"`
	LastTransitionTime KTime  `json:"lastTransitionTime,omitempty"`
	Reason             string `json:"reason,omitempty"`
	Message            string `json:"message,omitempty"`
}

// DeploymentStatus is a deployment status.
type DeploymentStatus struct {
	ObservedGeneration int64                 `json:"observedGeneration,omitempty"`
	Replicas           int32                 `json:"replicas,omitempty"`
	UpdatedReplicas    int32                 `json:"updatedReplicas,omitempty"`
	ReadyReplicas      int32                 `json:"readyReplicas,omitempty"`
	AvailableReplicas  int32                 `json:"availableReplicas,omitempty"`
	Conditions         []DeploymentCondition `json:"conditions,omitempty"`
	CollisionCount     *int32                `json:"collisionCount,omitempty"`
}

// Deployment is apps/v1 Deployment-like.
type Deployment struct {
	TypeMeta   `json:",inline"`
	ObjectMeta `json:"metadata,omitempty"`
	Spec       DeploymentSpec   `json:"spec,omitempty"`
	Status     DeploymentStatus `json:"status,omitempty"`
}

// ConfigMap has string and binary data.
type ConfigMap struct {
	TypeMeta   `json:",inline"`
	ObjectMeta `json:"metadata,omitempty"`
	Immutable  *bool             `json:"immutable,omitempty"`
	Data       map[string]string `json:"data,omitempty"`
	BinaryData map[string][]byte `json:"binaryData,omitempty"`
}

// Unstructured is what dynamic clients hold.
type Unstructured struct {
	Object map[string]any
}

// MarshalJSON writes the object itself.
func (u *Unstructured) MarshalJSON() ([]byte, error) { return json.Marshal(u.Object) }

// List holds typed and unstructured items.
type List struct {
	TypeMeta `json:",inline"`
	Metadata map[string]any    `json:"metadata"`
	Items    []json.RawMessage `json:"items"`
	Unstr    []*Unstructured   `json:"unstructured,omitempty"`
}
