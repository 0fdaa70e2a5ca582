"use client";

import dynamic from "next/dynamic";
import { Spinner } from "@/components/ui/spinner";

/** The note editors load when first opened: no view needs them at first paint. */
export const LazyNoteDialog = dynamic(() => import("./note-dialog").then((module) => module.NoteDialog), {
  ssr: false,
});

export const LazyNoteEditor = dynamic(() => import("./note-editor").then((module) => module.NoteEditor), {
  ssr: false,
  loading: () => <Spinner />,
});
