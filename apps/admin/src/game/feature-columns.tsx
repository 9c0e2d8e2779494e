import type { BehavioralFeatureValues } from "@chronicle/contracts/api";
import type { Column } from "../ui/data-table.tsx";
import { formatDecimal } from "../ui/format.ts";

/** Seed 003's eight behavioural features, in its order, with the labels staff read. */
export const featureNames: { key: keyof BehavioralFeatureValues; label: string }[] = [
  { key: "task_completion_rate", label: "Task completion" },
  { key: "time_efficiency", label: "Time efficiency" },
  { key: "retry_count", label: "Retries" },
  { key: "recovery_rate", label: "Recovery" },
  { key: "distraction_resistance", label: "Distraction resistance" },
  { key: "focus_duration", label: "Focus (min)" },
  { key: "collaboration_indicators", label: "Collaboration" },
  { key: "leadership_indicators", label: "Leadership" },
];

/** One sortable numeric column per feature, reading the features from `featuresOf(row)`. */
export function featureColumns<Row>(featuresOf: (row: Row) => BehavioralFeatureValues): Column<Row>[] {
  return featureNames.map(({ key, label }) => ({
    key,
    header: label,
    cell: (row) => formatDecimal(featuresOf(row)[key]),
    sortValue: (row) => featuresOf(row)[key],
    isNumeric: true,
  }));
}
