import type { AdminGameOutput, BehavioralFeatureValues } from "@chronicle/contracts/api";
import { LearnerName } from "../names/learner-name.tsx";
import { DataTable } from "../ui/data-table.tsx";
import { formatCount } from "../ui/format.ts";
import { featureColumns } from "./feature-columns.tsx";

type GameStudent = AdminGameOutput["students"][number];

export function GameStudentsTable({ students }: { students: readonly GameStudent[] }) {
  return (
    <DataTable
      caption="Average behavioural features per student"
      rows={students}
      rowKey={(student) => student.studentId}
      emptyMessage="No student closed a game session in this window."
      initialSort={{ key: "sessions", direction: "descending" }}
      columns={[
        {
          key: "student",
          header: "Student",
          cell: (student) => <LearnerName id={student.studentId} />,
          sortValue: (student) => student.studentId,
        },
        { key: "sessions", header: "Sessions", cell: (student) => formatCount(student.sessions), sortValue: (student) => student.sessions, isNumeric: true },
        // Averages of the whole-number features are fractional; the shared columns format both.
        ...featureColumns<GameStudent>((student) => student.averages as BehavioralFeatureValues),
      ]}
    />
  );
}
