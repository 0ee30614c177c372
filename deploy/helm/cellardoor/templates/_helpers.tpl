{{/* Chart name, truncated to the 63 characters Kubernetes names allow. */}}
{{- define "cellardoor.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Release-scoped name of the chart's objects. */}}
{{- define "cellardoor.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else if contains (include "cellardoor.name" .) .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name (include "cellardoor.name" .) | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{- define "cellardoor.selectorLabels" -}}
app.kubernetes.io/name: {{ include "cellardoor.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* The serving replicas' pods (not the migration Job's): Service, PDB, anti-affinity and ServiceMonitor select these. */}}
{{- define "cellardoor.appSelectorLabels" -}}
{{ include "cellardoor.selectorLabels" . }}
app.kubernetes.io/component: app
{{- end }}

{{- define "cellardoor.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "cellardoor.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: cellardoor
{{- end }}

{{- define "cellardoor.image" -}}
{{- if .Values.image.digest -}}
{{ .Values.image.repository }}@{{ .Values.image.digest }}
{{- else -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end }}
{{- end }}

{{- define "cellardoor.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "cellardoor.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The CloudNativePG cluster's name (and the prefix of its services and secrets). */}}
{{- define "cellardoor.cnpgName" -}}
{{- printf "%s-db" (include "cellardoor.fullname" .) | trunc 50 | trimSuffix "-" }}
{{- end }}

{{/* The JDBC URL: with cnpg.enabled the chart's cluster's read-write service, else database.url. */}}
{{- define "cellardoor.databaseUrl" -}}
{{- if .Values.cnpg.enabled }}
{{- printf "jdbc:postgresql://%s-rw:5432/%s" (include "cellardoor.cnpgName" .) .Values.cnpg.database }}
{{- else }}
{{- required "database.url is required (a jdbc:postgresql:// URL) unless cnpg.enabled" .Values.database.url }}
{{- end }}
{{- end }}

{{/* The owner's Secret: with cnpg.enabled the one CloudNativePG generates for the owner, else database.owner's. */}}
{{- define "cellardoor.ownerSecret" -}}
{{- if .Values.cnpg.enabled }}
{{- printf "%s-app" (include "cellardoor.cnpgName" .) }}
{{- else }}
{{- required "database.owner.existingSecret is required (the tables' owner, for the migration Job)" .Values.database.owner.existingSecret }}
{{- end }}
{{- end }}

{{- define "cellardoor.runtimeSecret" -}}
{{- required "database.runtime.existingSecret is required (the runtime role the replicas connect as)" .Values.database.runtime.existingSecret }}
{{- end }}

{{/* How many replicas serve at least: the HPA's minimum or replicaCount. */}}
{{- define "cellardoor.minReplicas" -}}
{{- if .Values.autoscaling.enabled }}{{ .Values.autoscaling.minReplicas }}{{ else }}{{ .Values.replicaCount }}{{ end }}
{{- end }}

{{/* Environment both the replicas and the migration Job need: the runtime role's name (the migrations grant to it). */}}
{{- define "cellardoor.runtimeUserEnv" -}}
- name: CELLARDOOR_DB_APP_USER
  valueFrom:
    secretKeyRef:
      name: {{ include "cellardoor.runtimeSecret" . }}
      key: {{ .Values.database.runtime.usernameKey }}
{{- end }}
