import type { SeedTopic } from "./index.ts";

/** Topics of the demo question bank; every question's topicSlug refers to one of these slugs. */
export const topics: readonly SeedTopic[] = [
  {
    id: "833b520e-63f3-429b-ad8d-4b7e51ddeb3d",
    slug: "cell-biology",
    name: "Cell Biology",
    description: "Cell structure, organelles, membranes, the cell cycle and the molecular machinery of DNA and protein synthesis.",
  },
  {
    id: "0e5435a9-1a4f-4199-b7bd-8109d35301e3",
    slug: "human-physiology",
    name: "Human Physiology",
    description: "How the body's organ systems work: circulation, respiration, digestion, the kidneys, nerves, muscles and hormones.",
  },
  {
    id: "7d0d5d4e-5e7a-4c38-bf61-9774797a2edb",
    slug: "chemistry-basics",
    name: "Chemistry Basics",
    description: "Atoms, the periodic table, bonding, moles and stoichiometry, acids and bases, and chemical equilibrium.",
  },
  {
    id: "e6c8aba8-7af2-465d-8235-d9754c7fa398",
    slug: "physics-mechanics",
    name: "Physics: Mechanics",
    description: "Motion, forces and Newton's laws, energy, work, power, momentum and circular motion.",
  },
  {
    id: "691fda3d-433f-433a-9fc1-4fde4ec2bcd8",
    slug: "algebra",
    name: "Algebra",
    description: "Linear and quadratic equations, factoring, functions, exponents and logarithms, and sequences.",
  },
  {
    id: "f4a4895c-64e8-4081-8a24-932fde805518",
    slug: "geometry",
    name: "Geometry",
    description: "Angles, triangles, polygons, circles, areas and volumes, and coordinate geometry.",
  },
  {
    id: "95fad744-2303-47cc-b7a9-e2e8827bc084",
    slug: "world-geography",
    name: "World Geography",
    description: "Continents, oceans, countries and capitals, rivers, mountains, deserts and lines of latitude and longitude.",
  },
  {
    id: "cead836f-e8a8-4181-b3c7-0464b659d151",
    slug: "statistics",
    name: "Statistics",
    description: "Descriptive statistics, probability, distributions, sampling and hypothesis testing.",
  },
];
